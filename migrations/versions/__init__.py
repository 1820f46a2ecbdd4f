"""Migration scripts, one linear chain: 0001 foundation, 0002 sls, 0003 bundles, 0004 sftp, 0005 gpg."""
