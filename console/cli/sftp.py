"""``support-console sftp ...``: RSA key pairs for sFTP, connection test, listing and transfers.

Exit codes: 0 ok; 3 unknown host key (fingerprint printed; trust it with --accept-new);
4 host key changed (refused); 5 key refused by the server; 2 any other failure; 130 cancelled.
Passphrases come from --passphrase-file FILE (``-`` = stdin) or a prompt, never the command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.cli.output import COUNT, PORT, add_area, add_verb, emit, read_secret, table


def register(sub: Any) -> None:
    verbs = add_area(sub, "sftp", "sFTP key pairs, host-key trust and transfers")

    p = add_verb(verbs, "keygen", keygen, "generate an RSA key pair for sFTP (id_rsa, public.key, id_rsa.ppk)")
    p.add_argument("--user", required=True, help="sFTP username (becomes the key comment)")
    p.add_argument("--out", required=True, type=Path, help="folder for the key files")
    p.add_argument("--bits", type=int, default=2048, choices=(2048, 3072, 4096), help="key size (default 2048)")
    secret = p.add_mutually_exclusive_group()
    secret.add_argument("--passphrase-file", metavar="F", help="read the passphrase from F (- = stdin)")
    secret.add_argument("--no-passphrase", action="store_true",
                        help="leave the private key unencrypted (needed when there is no terminal to ask)")
    p.add_argument("--ppk", action="store_true", help="also write id_rsa.ppk for PuTTY/WinSCP")
    p.add_argument("--ppk-version", type=int, default=3, choices=(2, 3),
                   help="PuTTY key format: 3 (PuTTY 0.75+, default) or 2 (older PuTTY/WinSCP)")
    p.add_argument("--force", action="store_true", help="replace existing key files in --out")

    p = add_verb(verbs, "pubkey", pubkey, "show the public key line and fingerprints of a key file")
    p.add_argument("key", type=Path, help="private key (OpenSSH, PEM, .ppk) or public key file")
    p.add_argument("--passphrase-file", metavar="F", help="also open the private half (checks the passphrase)")

    p = add_verb(verbs, "test", test, "connect with the key and report what happens")
    _connection_options(p)
    p.add_argument("--accept-new", action="store_true", help="trust the server's host key if it is unknown")
    p.add_argument("--remote", default=".", metavar="DIR", help="remote folder to list (default: home)")

    p = add_verb(verbs, "ls", ls, "list a remote folder")
    p.add_argument("remote", nargs="?", default=".", help="remote folder (default: home)")
    _connection_options(p)

    p = add_verb(verbs, "get", get, "download a file (through LOCAL.part)")
    p.add_argument("remote")
    p.add_argument("local", type=Path)
    p.add_argument("--resume", action="store_true", help="continue an existing LOCAL.part")
    p.add_argument("--force", action="store_true", help="replace LOCAL if it exists")
    _connection_options(p)

    p = add_verb(verbs, "put", put, "upload a file (through REMOTE.part)")
    p.add_argument("local", type=Path)
    p.add_argument("remote")
    p.add_argument("--resume", action="store_true", help="continue an existing REMOTE.part on the server")
    p.add_argument("--force", action="store_true", help="replace REMOTE if it exists")
    _connection_options(p)

    p = add_verb(verbs, "newest", newest, "download the newest files of a remote folder")
    p.add_argument("remote_dir")
    p.add_argument("local_dir", type=Path)
    p.add_argument("--count", type=COUNT, default=5, help="how many files (default 5)")
    _connection_options(p)

    p = add_verb(verbs, "forget-host", forget_host, "remove a server's trusted host key (after checking the new one)")
    p.add_argument("target", nargs="?", metavar="HOST", help="server (same as --host)")
    p.add_argument("--host", default=None, help="server (default: the sftp_host setting)")
    p.add_argument("--port", type=PORT, default=None, help="port (default: the sftp_port setting, 32)")
    p.add_argument("--known-hosts", type=Path, metavar="F", help="known_hosts file (default: the console's own)")

    for parser in verbs.choices.values():
        _own_usage(parser)


_STRICT: dict[type, type] = {}


def _own_usage(parser: argparse.ArgumentParser) -> None:
    """Unknown arguments are reported with this verb's usage rather than the top-level one.

    argparse lets the top-level parser complain about leftovers of a subcommand, so
    ``sftp forget-host a b`` would print ``support-console [-h] ... <area>``; here the verb's
    own parser refuses them first.
    """
    base = type(parser)
    if base not in _STRICT:
        def parse_known_args(self: Any, args: Any = None, namespace: Any = None) -> Any:
            namespace, extras = base.parse_known_args(self, args, namespace)
            if extras:
                self.error(f"unrecognized arguments: {' '.join(extras)}")
            return namespace, extras

        _STRICT[base] = type(f"Verb{base.__name__}", (base,), {"parse_known_args": parse_known_args})
    parser.__class__ = _STRICT[base]


def _connection_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default=None, help="server (default: the sftp_host setting)")
    p.add_argument("--port", type=PORT, default=None, help="port (default: the sftp_port setting, 32)")
    p.add_argument("--user", required=True, help="sFTP username")
    p.add_argument("--key", required=True, type=Path, help="private key file (OpenSSH, PEM or .ppk)")
    p.add_argument("--known-hosts", type=Path, metavar="F", help="known_hosts file (default: the console's own)")
    p.add_argument("--passphrase-file", metavar="F", help="passphrase of the key (- = stdin)")


def _known_hosts(args: argparse.Namespace, ctx: Any) -> Path:
    from console.services.sftp import known_hosts_path

    return Path(args.known_hosts) if args.known_hosts else known_hosts_path(ctx.data_dir)


def _params(args: argparse.Namespace, ctx: Any) -> Any:
    from console.services.sftp import ConnectionParams, needs_passphrase

    encrypted = needs_passphrase(args.key)
    passphrase = read_secret(args.passphrase_file, prompt=f"Passphrase for {args.key.name}: ") if encrypted else None
    host = args.host or ctx.settings.sftp_host
    port = args.port if args.port is not None else int(ctx.settings.sftp_port)
    return ConnectionParams(host, port, args.user, args.key, passphrase)


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        sys.stderr.write(f"\r{done / 1e6:8.1f} / {total / 1e6:.1f} MB  {pct:3d}%")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def keygen(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.errors import InvalidInput
    from console.services.sftp import save_key_pair

    if args.no_passphrase:
        passphrase = None
    elif args.passphrase_file or sys.stdin.isatty():
        passphrase = read_secret(args.passphrase_file, prompt="Passphrase (empty for none): ", confirm=True) or None
    else:
        raise InvalidInput("No passphrase given and no terminal to ask for one; the key was not made.",
                           hint="Give --passphrase-file F (- = stdin), or --no-passphrase to leave the private "
                                "key unencrypted on purpose.")
    result = save_key_pair(args.out, args.user, bits=args.bits, passphrase=passphrase, write_ppk=args.ppk,
                           ppk_version=args.ppk_version, overwrite=args.force)
    if passphrase is None and not args.json:
        print("Note: the private key is not protected by a passphrase.", file=sys.stderr)
    info = result.info

    def text(_: Any) -> str:
        lines = [f"private key  {result.private_path}  (keep it; never send it)",
                 f"public key   {result.public_path}  (send this file to the broker)"]
        if result.ppk_path:
            lines.append(f"PuTTY key    {result.ppk_path}  (version {args.ppk_version})")
        lines += [f"fingerprint  {info.sha256}", f"             {info.md5}", "", info.public_line]
        return "\n".join(lines)

    emit(args, asdict(result), text)
    return 0


def pubkey(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import key_info

    passphrase = read_secret(args.passphrase_file) if args.passphrase_file else None
    info = key_info(args.key, passphrase)

    def text(_: Any) -> str:
        state = "encrypted" if info.encrypted else "not encrypted"
        return "\n".join([info.public_line, f"{info.sha256}", f"{info.md5}",
                          f"{info.key_type} {info.bits} bits, {info.format} format, {state}"
                          + (", private half checked" if info.verified and info.has_private else "")])

    emit(args, asdict(info), text)
    return 0


@contextmanager
def _host_key_hints(args: argparse.Namespace) -> Iterator[None]:
    """Host-key refusals get the CLI's next step in their hint (the message itself stays the service's)."""
    from console.services.sftp import HostKeyChanged, HostKeyUnknown

    try:
        yield
    except HostKeyUnknown as exc:
        exc.hint = (f"Compare this {exc.key_type} fingerprint with the one the broker publishes; only if they "
                    "match, trust it by running 'support-console sftp test' again with --accept-new.")
        raise
    except HostKeyChanged as exc:
        where = f"--host {exc.host} --port {exc.port}" if exc.host else "--host H --port P"
        kh = f" --known-hosts {exc.known_hosts}" if getattr(args, "known_hosts", None) and exc.known_hosts else ""
        exc.hint = ("Do not continue. Ask the broker whether the server key really changed and compare the new "
                    "fingerprint through another channel. Only then remove the old key with "
                    f"'support-console sftp forget-host {where}{kh}' (it is kept in {exc.known_hosts}).")
        raise


def test(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import HostKeyUnknown, test_connection

    params = _params(args, ctx)
    try:
        with _host_key_hints(args):
            report = test_connection(params, known_hosts=_known_hosts(args, ctx), accept_new=args.accept_new,
                                     remote_dir=args.remote)
    except HostKeyUnknown as exc:
        # The error line (stderr) names the fingerprint; --json also gets it as data on stdout.
        if args.json:
            emit(args, {"host": exc.host, "port": exc.port, "key_type": exc.key_type, "sha256": exc.sha256,
                        "md5": exc.md5, "trusted": False})
        raise

    def text(_: Any) -> str:
        r = report
        trust = "newly trusted" if r.newly_trusted else "already trusted"
        return (f"OK: logged in to {r.host}:{r.port} as {r.username} in {r.seconds:.2f} s\n"
                f"server     {r.server_version}\nhost key   {r.host_key.key_type} {r.host_key.sha256} ({trust})\n"
                f"cipher     {r.cipher}\nhome       {r.home}\n"
                f"folder     {r.folder} ({r.entries} {'entry' if r.entries == 1 else 'entries'})")

    emit(args, asdict(report), text)
    return 0


def ls(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import list_dir

    with _host_key_hints(args):
        listing = list_dir(_params(args, ctx), args.remote, known_hosts=_known_hosts(args, ctx))
    rows = [(e.permissions, e.size, e.modified.replace("T", " ")[:16], e.name + ("/" if e.is_dir else ""))
            for e in listing.entries]
    emit(args, asdict(listing),
         lambda _: f"{listing.path}\n" + (table(rows, ["mode", "size", "modified (UTC)", "name"])
                                         if rows else "(empty folder)"))
    return 0


def _transfer_text(r: Any) -> str:
    rate = r.size / r.seconds / 1e6 if r.seconds else 0.0
    resumed = f", resumed at byte {r.resumed_from}" if r.resumed_from else ""
    src, dst = (r.remote, r.local) if r.direction == "download" else (r.local, r.remote)
    verb = "Downloaded" if r.direction == "download" else "Uploaded"
    return (f"{verb} {src} -> {dst}: {r.size} bytes in {r.seconds:.2f} s ({rate:.1f} MB/s){resumed}\n"
            f"sha256 {r.sha256}")


def get(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import download_file

    with _host_key_hints(args):
        result = download_file(_params(args, ctx), args.remote, args.local, known_hosts=_known_hosts(args, ctx),
                               progress=_progress_printer(), resume=args.resume, overwrite=args.force)
    emit(args, asdict(result), lambda _: _transfer_text(result))
    return 0


def put(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import upload_file

    with _host_key_hints(args):
        result = upload_file(_params(args, ctx), args.local, args.remote, known_hosts=_known_hosts(args, ctx),
                             progress=_progress_printer(), resume=args.resume, overwrite=args.force)
    emit(args, asdict(result), lambda _: _transfer_text(result))
    return 0


def newest(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.sftp import download_newest

    with _host_key_hints(args):
        results = download_newest(_params(args, ctx), args.remote_dir, args.local_dir,
                                  known_hosts=_known_hosts(args, ctx), count=args.count,
                                  progress=_progress_printer())
    rows = [("Skipped" if r.skipped else "Downloaded", r.size, r.local) for r in results]
    emit(args, [asdict(r) for r in results], lambda _: table(rows, ["status", "size", "file"]))
    return 0


def forget_host(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.errors import InvalidInput
    from console.services.sftp import forget_host as forget

    if args.target and args.host and args.target != args.host:
        raise InvalidInput(f"Two servers given ({args.target} and --host {args.host}): name one.")
    host = args.target or args.host or ctx.settings.sftp_host
    port = args.port if args.port is not None else int(ctx.settings.sftp_port)
    path = _known_hosts(args, ctx)
    removed = forget(path, host, port)
    data = {"host": host, "port": port, "removed": removed, "known_hosts": str(path)}
    if removed:
        keys = "1 trusted key" if removed == 1 else f"{removed} trusted keys"
        text = (f"Removed {keys} of {host}:{port} from {path}.\n"
                "The next connection shows the server's new fingerprint: compare it with the broker's before "
                "trusting it.")
    else:
        text = f"No trusted key of {host}:{port} in {path}; nothing removed."
    emit(args, data, text)
    return 0
