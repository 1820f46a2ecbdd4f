<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name></name>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="69"/>
        <source>Forget the trusted key of {host} port {port}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="71"/>
        <source>Do this only after the broker has confirmed, by phone or another channel you trust, that the server&apos;s key really changed and that its new fingerprint is {fp}.

If the key changed without such a confirmation, someone may be intercepting the connection: once the old key is forgotten, the next connection offers the new key as if the server were new, and trusting it would connect you to that impostor, which could then read or alter the files you exchange.

The old key is removed from {path}. The new key is not trusted by this step: the next connection shows its fingerprint and asks you again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../console/views/about_dialog.py" line="18"/>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/about_dialog.py" line="21"/>
        <source>&lt;h2&gt;{app} {version}&lt;/h2&gt;&lt;p&gt;The desk tool of the client support team: Secure Login System devices, diagnostic bundles, HAR files, encrypted reports and sFTP keys.&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;br&gt;Database: {db}&lt;br&gt;Log file: {log}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/about_dialog.py" line="28"/>
        <source>(not written)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../console/views/crash_dialog.py" line="32"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/crash_dialog.py" line="36"/>
        <source>Support Console hit an unexpected problem. Your work so far is kept; you can carry on, but please send the details below to the console&apos;s developers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/crash_dialog.py" line="39"/>
        <source>The log file is {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/crash_dialog.py" line="49"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/crash_dialog.py" line="57"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundlesPanel</name>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="87"/>
        <source>Filter by ticket, user, platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="89"/>
        <source>the bundle store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="92"/>
        <source>No bundles yet: take one in on the Intake tab, or drop an archive here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="107"/>
        <source>Double-click a code to open its first occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="110"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="111"/>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="112"/>
        <source>Expand archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="113"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="114"/>
        <source>Export sanitized…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="115"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="116"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="133"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="134"/>
        <location filename="../../console/views/diagnostics_bundles.py" line="201"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="198"/>
        <source>Select a bundle to see its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="211"/>
        <source>Bundle {id} · ticket {t} · user {u} · account {a}
Reason: {r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="233"/>
        <source>Findings ({codes} codes, {lines:,} lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="234"/>
        <source>Findings (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="244"/>
        <source>Take in the files inside {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="245"/>
        <source>Select a nested archive (its note says “not expanded yet”) to take in its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="256"/>
        <source>Select a file of the bundle first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="263"/>
        <source>Select an archive inside the bundle to expand it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="273"/>
        <source>Export bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="274"/>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="283"/>
        <source>Exported 1 file to {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="283"/>
        <source>Exported {n} files to {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="286"/>
        <source>nothing to redact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="297"/>
        <source>Bundle details copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="303"/>
        <source>Delete bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_bundles.py" line="304"/>
        <source>Delete bundle {id} and its files from the store? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsDatabaseBanner</name>
    <message>
        <location filename="../../console/views/diagnostics_banner.py" line="41"/>
        <source>The database is not available, so {what} cannot be used right now. Check the database setting under File ▸ Preferences and restart the console, or ask whoever runs the team database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsIntakeForm</name>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="63"/>
        <source>taking in bundles</source>
        <extracomment>The last client check and the (username, account) it was made for.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="65"/>
        <location filename="../../console/views/diagnostics_intake.py" line="183"/>
        <source>found in the reason when left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="67"/>
        <source>client username (type to search the SLS data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="77"/>
        <source>account id, e.g. U1234567 (checked against the SLS data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="85"/>
        <source>(not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="89"/>
        <source>what the client wrote, e.g. ATTENTION: 12345678 quotes freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="94"/>
        <source>Drop a .zip/.tar.gz, a folder or loose files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="95"/>
        <source>Also take in archives found inside (up to 3 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="96"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="98"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="100"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="102"/>
        <source>Capture screenshot now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="104"/>
        <source>Take in bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="110"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="111"/>
        <source>Client username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="115"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="116"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="117"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="125"/>
        <source>Files (drop them here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="148"/>
        <source>Add files to the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="152"/>
        <source>Add a folder to the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="182"/>
        <source>ticket {t} found in the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="194"/>
        <source>Client lookup is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="238"/>
        <source>{what}: you can still take the bundle in under it, but check the spelling with the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="242"/>
        <source>✓ {name} (account {account})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="245"/>
        <source>No client data loaded: the username and account are not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="265"/>
        <source>Add an archive, a folder, files or a screenshot first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="293"/>
        <source>Client not in the client data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="294"/>
        <source>{what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="296"/>
        <source>Take the bundle in under this name anyway? It will be filed as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="297"/>
        <source>Take in anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="317"/>
        <source>Taking in the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="331"/>
        <source>Bundle {id} taken in: 1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="332"/>
        <source>Bundle {id} taken in: {n} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_intake.py" line="334"/>
        <source>; ticket {t} found in {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="43"/>
        <source>&amp;Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="44"/>
        <source>&amp;Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="45"/>
        <source>&amp;Log viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="46"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="73"/>
        <source>{n} item(s) added to the intake: fill in the ticket and take it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="104"/>
        <source>{p} is encrypted by the platform and cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="111"/>
        <source>Use Expand archive to take in the files inside {p}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="126"/>
        <source>Merging the bundle&apos;s logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_page.py" line="130"/>
        <source>Bundle {id}: all files on one timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreenshotDialog</name>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="42"/>
        <source>Capture a screenshot</source>
        <extracomment>Time for the window manager to actually take the hidden window off the screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="47"/>
        <source>All monitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="48"/>
        <source>Hide the console window during the grab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="50"/>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="52"/>
        <source>No screenshot yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="56"/>
        <source>Add to intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="78"/>
        <source>Monitor {n} ({w}×{h})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_screenshot.py" line="111"/>
        <source>{w}×{h}, saved to {p}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsSearchPanel</name>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="44"/>
        <source>Words to find in every bundle&apos;s logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="48"/>
        <source>all bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="52"/>
        <source>At most this many matching lines are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="53"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="55"/>
        <source>searching the bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="57"/>
        <source>Type words and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="58"/>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="59"/>
        <source>Search again with a higher limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="79"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="81"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="106"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="121"/>
        <source>No matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="123"/>
        <source>Showing the first {n:,} matches; there are more. Double-click a line to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="126"/>
        <source>1 matching line (double-click it to open it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="128"/>
        <source>{n:,} matching lines (double-click one to open it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="131"/>
        <source>Add words or pick a bundle to narrow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/diagnostics_search.py" line="134"/>
        <source>Search failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingGroupTableModel</name>
    <message>
        <location filename="../../console/views/diagnostics_models.py" line="174"/>
        <source>{code} {title}

{explanation}

Seen {n} times in: {files}
Double-click to open the first one ({file}, line {line}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgDecryptDialog</name>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="51"/>
        <source>Decrypt a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="60"/>
        <source>Replace the output file if it exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="61"/>
        <source>Encrypted file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="62"/>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="63"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="73"/>
        <source>Decrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="91"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="108"/>
        <source>Encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="109"/>
        <source>Encrypted files (*.gpg *.pgp *.asc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="114"/>
        <source>Save decrypted file as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="141"/>
        <source>Decrypting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="153"/>
        <source>Decrypted to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="155"/>
        <source>Signature: {sig}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_decrypt_dialog.py" line="162"/>
        <source>Choose another name, or tick &quot;Replace the output file if it exists&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgEncryptDialog</name>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="111"/>
        <source>Encrypt reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="116"/>
        <source>Reports (files or folders; drop them here):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="123"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="124"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="125"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="139"/>
        <source>No confirmed client key yet: import the client&apos;s public key and confirm its fingerprint first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="143"/>
        <source>Encrypt to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="146"/>
        <source>Sign with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="154"/>
        <source>passphrase of the signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="159"/>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="162"/>
        <source>Save each NAME.gpg beside its report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="163"/>
        <source>Save to folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="164"/>
        <source>Upload to the client&apos;s sFTP outbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="170"/>
        <source>folder for the .gpg files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="171"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="179"/>
        <source>remote folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="182"/>
        <source>sFTP key passphrase (if any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="195"/>
        <source>Save an sFTP profile in the sFTP area first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="196"/>
        <source>Replace existing .gpg files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="212"/>
        <source>Encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="261"/>
        <source>Reports to encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="266"/>
        <source>Folder of reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="271"/>
        <source>Save encrypted reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="300"/>
        <source>Add the reports to encrypt (or drop them here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="302"/>
        <source>No client key to encrypt to yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="304"/>
        <source>Type the passphrase of the signing key, or untick &quot;Sign with&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="306"/>
        <source>Type or browse for the folder to save the .gpg files in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="308"/>
        <source>The output folder is a file: choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="310"/>
        <source>Choose the sFTP profile to upload with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="364"/>
        <source>Encrypting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="376"/>
        <source>Encrypted {n} file(s) to {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="378"/>
        <source>Uploaded {n} file(s) to the sFTP outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="380"/>
        <source>Saved in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_encrypt_dialog.py" line="386"/>
        <source>Choose another folder, or tick &quot;Replace existing .gpg files&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgImportDialog</name>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="33"/>
        <source>Import key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="35"/>
        <source>Found in {source}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="46"/>
        <source>This file also holds a secret key: it is a key pair backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="47"/>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="51"/>
        <source>Read the fingerprint to the key&apos;s owner (by phone or another channel you trust) and compare every group. Only a confirmed key can be used to encrypt reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="55"/>
        <source>I compared this fingerprint with its owner and it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="58"/>
        <source>Import and confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_import_dialog.py" line="60"/>
        <source>Import only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgKeyPairWizard</name>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="210"/>
        <source>New key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="212"/>
        <source>Create key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="223"/>
        <source>Export public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="224"/>
        <source>Back up key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="226"/>
        <source>Save revocation certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="238"/>
        <source>Creating the key pair… (RSA keys can take a minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="250"/>
        <source>Created {uid}&lt;br&gt;Fingerprint: &lt;tt&gt;{fpr}&lt;/tt&gt;&lt;br&gt;Now save the public key to send, a backup of the key pair, and the revocation certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="254"/>
        <source>GnuPG also keeps a revocation certificate in {path}; save a copy to keep offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="267"/>
        <source>The key pair was not created. Go Back to change the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="279"/>
        <source>Finish without backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="294"/>
        <source>Armored key (*.asc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgKeysTableModel</name>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="26"/>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="26"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="26"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="26"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="27"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="27"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="27"/>
        <source>Secret part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="54"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="56"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="58"/>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="60"/>
        <source>Expires in {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="61"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="85"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="89"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="89"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keys_model.py" line="91"/>
        <source>Imported but not confirmed: compare the fingerprint with the owner, then Confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgPage</name>
    <message>
        <location filename="../../console/views/gpg_page.py" line="68"/>
        <source>Import key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="69"/>
        <source>Paste key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="70"/>
        <source>New key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="71"/>
        <source>Restore backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="72"/>
        <source>Encrypt reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="73"/>
        <source>Decrypt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="79"/>
        <source>Filter by name, email or fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="96"/>
        <source>&lt;h3&gt;No keys yet&lt;/h3&gt;Drop a client&apos;s public key (.asc) here, paste one, or create a key pair with &lt;b&gt;New key pair…&lt;/b&gt;.&lt;br&gt;Drop an encrypted report (.gpg) to decrypt it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="111"/>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="112"/>
        <source>Confirm fingerprint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="113"/>
        <source>Export public key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="114"/>
        <source>Back up key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="115"/>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="188"/>
        <source>{n} key(s) expire within {d} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="221"/>
        <source>Expires in {n} days: ask the client for an extended or new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="224"/>
        <source>Not confirmed: compare the fingerprint with the owner, then Confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="237"/>
        <source>the dropped text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="256"/>
        <source>Import a public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="257"/>
        <source>Keys (*.asc *.gpg *.pgp *.key *.pub);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="264"/>
        <source>The clipboard is empty: copy the client&apos;s public key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="266"/>
        <source>the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="295"/>
        <source>Not confirmed yet: it cannot be used for encryption until you confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="315"/>
        <source>the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="317"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="324"/>
        <source>Confirmed {uid} for encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="333"/>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="334"/>
        <source>Remove {uid} ({fpr}) from the console&apos;s keyring?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="337"/>
        <source>This includes the SECRET key: files encrypted to it can no longer be decrypted here unless you have a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="347"/>
        <source>Removed {uid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="356"/>
        <source>Fingerprint copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="369"/>
        <source>Key pair created for {uid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="383"/>
        <source>Export public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="384"/>
        <location filename="../../console/views/gpg_page.py" line="398"/>
        <source>Armored key (*.asc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="390"/>
        <source>Public key saved to {path}. It is not a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="397"/>
        <source>Back up key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="403"/>
        <source>The passphrase of the key pair is needed to back it up (secret and public parts together).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="404"/>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="409"/>
        <source>Key pair backed up to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="417"/>
        <source>Restore a key pair backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_page.py" line="418"/>
        <source>Armored key (*.asc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgPassphraseDialog</name>
    <message>
        <location filename="../../console/views/gpg_passphrase_dialog.py" line="13"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_passphrase_dialog.py" line="20"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpgSavedFilesBox</name>
    <message>
        <location filename="../../console/views/gpg_saved_files.py" line="29"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_saved_files.py" line="41"/>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_saved_files.py" line="43"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarCompareDialog</name>
    <message>
        <location filename="../../console/views/har_compare.py" line="21"/>
        <source>Compare {a} with {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="25"/>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="28"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="28"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="28"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="28"/>
        <source>Status A → B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="29"/>
        <source>Time A → B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="29"/>
        <source>Size A → B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="29"/>
        <source>Δ time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="40"/>
        <source>Loading both files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="46"/>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="46"/>
        <source>timing/size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="51"/>
        <source>only in A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="54"/>
        <source>only in B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_compare.py" line="66"/>
        <source>{m} requests matched, {c} changed ({s} in status); {a} only in A, {b} only in B.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarDetailPane</name>
    <message>
        <location filename="../../console/views/har_detail.py" line="76"/>
        <source>Copy body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="83"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="84"/>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="85"/>
        <source>Cookies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="86"/>
        <source>Request body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="87"/>
        <source>Response body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="88"/>
        <source>Timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="94"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="94"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="94"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="122"/>
        <source>Select a request to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="129"/>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="130"/>
        <source>response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="137"/>
        <source>(no request body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="148"/>
        <source>No timing breakdown in this file (total {ms:.0f} ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="157"/>
        <source>The file holds no response body for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_detail.py" line="160"/>
        <source> (base64 in the file, decoded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarEmptyState</name>
    <message>
        <location filename="../../console/views/har_empty_state.py" line="17"/>
        <source>&lt;h2&gt;HAR inspector&lt;/h2&gt;&lt;p&gt;Drop a .har file here, press Ctrl+O, or open one from a diagnostic bundle.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Asking a client for a HAR&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Chrome / Edge:&lt;/b&gt; open the developer tools (F12 or Ctrl+Shift+I), go to Network, tick &apos;Preserve log&apos;, clear the list, reproduce the problem, then right-click the list and save all as HAR (Edge also has an export button, Ctrl+S).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Firefox:&lt;/b&gt; F12, Network tab, turn on &apos;Persist Logs&apos;, reproduce, then right-click and save all as HAR.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Safari:&lt;/b&gt; first enable the Develop menu (Settings, Advanced), open the Web Inspector (Cmd+Option+I), Network tab, keep &apos;Preserve Log&apos; on, reproduce, then Export.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The client attaches the file to a Message Center web ticket. HAR files carry their login cookies: redact before sharing them any further.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarEntriesTableModel</name>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="51"/>
        <source>#</source>
        <extracomment>One page&apos;s time axis: origin (epoch ms), span (ms) and page-event marks ((name, ms after the origin), ...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="51"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="51"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="51"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="51"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="52"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="52"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="52"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="52"/>
        <source>Waterfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="110"/>
        <source>Each request&apos;s phases (blocked, DNS, connect, TLS, send, wait, receive) drawn on the time axis of its page: from the page start to its last response or load event. Vertical lines: DOMContentLoaded and load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="176"/>
        <source>Starts {offset:,.0f} ms into the page (axis: {span:,.0f} ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="179"/>
        <source>total: {ms:,.1f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_entries_model.py" line="180"/>
        <source>{event} at {ms:,.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarFilterBar</name>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="21"/>
        <source>Filter: URL, headers, bodies (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="33"/>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="35"/>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="39"/>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="43"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="44"/>
        <source>slower than </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="64"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_filter_bar.py" line="65"/>
        <source>All domains</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarFindingsPanel</name>
    <message>
        <location filename="../../console/views/har_findings.py" line="24"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="24"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="32"/>
        <source>Failed requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="32"/>
        <source>Blocked by the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="33"/>
        <source>Long waits for the first byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="33"/>
        <source>Slowest requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="34"/>
        <source>Redirect chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="34"/>
        <source>Mixed content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="35"/>
        <source>Large uncompressed responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_findings.py" line="46"/>
        <source>Nothing stands out in this file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarOtherFileBox</name>
    <message>
        <location filename="../../console/views/har_other_file_box.py" line="32"/>
        <source>Open in Diagnostics intake</source>
        <extracomment>Areas a :class:`NotAHarFile` can point to, with the button text for each.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_other_file_box.py" line="33"/>
        <source>Open in Encrypted reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarPage</name>
    <message>
        <location filename="../../console/views/har_page.py" line="85"/>
        <source>Open HAR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="86"/>
        <source>Open a .har file (Ctrl+O); you can also drop it on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="87"/>
        <source>Redact &amp;&amp; export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="88"/>
        <location filename="../../console/views/har_page.py" line="391"/>
        <source>Compare with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="89"/>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="124"/>
        <source>What the loader repaired in this file, and what it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="139"/>
        <source>No request matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="157"/>
        <source>Select a request to see its headers, bodies and timings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="166"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="167"/>
        <location filename="../../console/views/har_page.py" line="289"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="216"/>
        <source>Opening {name}; open the others one at a time or compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="221"/>
        <source>Open HAR file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="222"/>
        <location filename="../../console/views/har_page.py" line="392"/>
        <source>HAR files (*.har *.har.gz *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="233"/>
        <source>Opening {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="238"/>
        <source>Could not open the HAR file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="267"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="267"/>
        <source>{n} requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="268"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="268"/>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="269"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {requests}, {pages}, {f} failed, from {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="273"/>
        <source>1 quirk repaired…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="273"/>
        <source>{n} quirks repaired…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="275"/>
        <source>Opened {name} ({requests})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="288"/>
        <source>Findings ({n} failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="378"/>
        <source>URL copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_page.py" line="384"/>
        <source>Redacted copy saved: {p}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarPagesList</name>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="32"/>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="32"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="53"/>
        <source>All pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="54"/>
        <source>Every request in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="59"/>
        <source>(not listed in the file: added because requests point to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="63"/>
        <source>Without a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="63"/>
        <source>Requests that belong to no page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="74"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_pages_list.py" line="74"/>
        <source>{n} requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarQuirksDialog</name>
    <message>
        <location filename="../../console/views/har_quirks.py" line="37"/>
        <source>Quirks repaired in {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="43"/>
        <source>The file departs from the HAR format in these ways. The console repaired them in memory while loading, so that every request can be shown; the file itself is unchanged. Counts are requests (or places) affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="49"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="49"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="49"/>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="68"/>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_quirks.py" line="69"/>
        <source>Copy code, count and meaning of every quirk as text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarSanitizeDialog</name>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="42"/>
        <source>Redact and export HAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="48"/>
        <source>Looking for cookies, tokens and credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="54"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="54"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="54"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="61"/>
        <source>Export redacted copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="63"/>
        <source>Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="64"/>
        <source>Save the list above as JSON (entry, location and rule of each replacement; never the values), e.g. for the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="79"/>
        <source>Checking what to redact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="93"/>
        <source>1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="93"/>
        <source>{n} values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="94"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="95"/>
        <source>{n} requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="96"/>
        <source>{values} in this file of {requests} will be replaced by placeholders ({c}). Each secret always gets the same placeholder, so requests can still be followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="100"/>
        <source>No cookies, tokens or credentials were found; the copy will match the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="106"/>
        <source>Preview failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="111"/>
        <source>Save redacted HAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="112"/>
        <source>HAR files (*.har)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="120"/>
        <source>Writing the redacted copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="125"/>
        <source>Saved {path} with 1 value redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="126"/>
        <source>Saved {path} with {n} values redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="132"/>
        <source>Save redaction report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="133"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_sanitize_dialog.py" line="146"/>
        <source>Report saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogHistogram</name>
    <message>
        <location filename="../../console/views/log_histogram.py" line="39"/>
        <source>Lines per minute; click a bar to jump there</source>
        <extracomment>Gap markers only help while they are few; a sparse log would be all markers.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_histogram.py" line="67"/>
        <source>{t}: {n} lines, {e} errors (click to go there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_histogram.py" line="102"/>
        <source>No timestamps to chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_histogram.py" line="135"/>
        <source>lines per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_histogram.py" line="135"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_histogram.py" line="137"/>
        <source>quiet minutes left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <location filename="../../console/views/log_pane.py" line="36"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_pane.py" line="47"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_pane.py" line="49"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <location filename="../../console/views/log_viewer.py" line="65"/>
        <source>Open a log file or a bundle timeline from the Bundles tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="70"/>
        <source>Filter lines (Enter to apply, Esc to clear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="73"/>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="74"/>
        <source>Hide matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="75"/>
        <source>◀ Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="76"/>
        <source>Previous error (Shift+F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="78"/>
        <source>Error ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="79"/>
        <source>Next error (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="84"/>
        <source>Starts at the first timestamp of what is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="85"/>
        <source>Go to time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="87"/>
        <source>Copy lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="145"/>
        <source>File: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="163"/>
        <source>Indexing lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="196"/>
        <source>{n:,} of {total:,} lines match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="198"/>
        <source>{n:,}+ lines (counting…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="200"/>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="200"/>
        <source>{n:,} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="204"/>
        <source>every line matches “{text}”, and Hide matches is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="205"/>
        <source>no line matches “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="206"/>
        <source>&lt;p&gt;&lt;b&gt;Nothing to show:&lt;/b&gt; {why}.&lt;/p&gt;&lt;p&gt;Change the filter, or press Esc to see every line again.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="252"/>
        <source>No more errors in that direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/log_viewer.py" line="289"/>
        <source>Filtering…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="78"/>
        <location filename="../../console/views/main_window.py" line="204"/>
        <source>Database: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="87"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="88"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="92"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="98"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="104"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="112"/>
        <source>&amp;Log pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="116"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="117"/>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="120"/>
        <source>&amp;About Support Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="173"/>
        <source>The console does not know what to do with: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="174"/>
        <source>It opens .har files, client snapshots (.json), diagnostic bundles (.zip, .tar.gz, folders, logs), GPG files (.asc, .gpg, .pgp) and SSH keys (.pub, .ppk, private keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="183"/>
        <source>Open files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="184"/>
        <source>Supported files (*.har *.json *.zip *.tar.gz *.tgz *.log *.asc *.gpg *.pgp *.pub *.ppk *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="212"/>
        <source>Database: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="215"/>
        <source>Database: unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="221"/>
        <source>Areas that need no database (HAR inspector, GPG, sFTP keys) still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="240"/>
        <source>Preferences saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../console/views/area_page.py" line="60"/>
        <source>This area is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/area_page.py" line="73"/>
        <source>Received: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="31"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="42"/>
        <source>Set by the environment variable {env}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="44"/>
        <source>Environment variable: {env}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="46"/>
        <source>* takes effect after a restart. Greyed-out settings come from environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="83"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/preferences_dialog.py" line="92"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../console/views/progress_panel.py" line="27"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/progress_panel.py" line="56"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpBrowser</name>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="155"/>
        <source>Up</source>
        <extracomment>Deals with connection failures first (wrong passphrase, host keys); see SftpConnectionPanel.resolve.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="157"/>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="160"/>
        <source>Filter names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="162"/>
        <source>Remote folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="180"/>
        <source>Not connected. Fill in the connection on the Connection tab, then List.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="183"/>
        <source>&amp;Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="185"/>
        <source>&amp;Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="190"/>
        <source>Download newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="192"/>
        <source>Open downloaded .gpg files for decryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="193"/>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="207"/>
        <source>A transfer is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="218"/>
        <source>Cancelled; run it again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="241"/>
        <source>Listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="247"/>
        <source>This folder is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="249"/>
        <source>{n} entries in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="268"/>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="269"/>
        <source>{name} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="273"/>
        <source>Download to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="279"/>
        <source>Select a file to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="291"/>
        <source>Downloading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="296"/>
        <source>Downloaded {n} file(s) to {dir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="305"/>
        <source>Downloading the newest files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="308"/>
        <source>Upload a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_browser.py" line="319"/>
        <source>Uploading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpConnectionPanel</name>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="76"/>
        <source>No saved profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="79"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="92"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="98"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="99"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="100"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="101"/>
        <source>sFTP username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="102"/>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="103"/>
        <source>Remote folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="106"/>
        <source>&amp;Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="108"/>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="111"/>
        <source>Forget this host&apos;s old key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="112"/>
        <source>Only after the broker confirmed the server&apos;s new fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="115"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="200"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="201"/>
        <source>Private keys (id_* *.ppk *.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="222"/>
        <source>Forget the old server key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="225"/>
        <source>Forget the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="226"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="249"/>
        <source>Choose the private key file to connect with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="284"/>
        <source>Not connected: the server was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="306"/>
        <source>Cannot update {path}: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="312"/>
        <source>Forgot {n} old key(s) of {host} port {port} (in {path}). Test the connection again: the new key&apos;s fingerprint is shown, and it is trusted only if you confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="332"/>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="347"/>
        <source>newly trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="347"/>
        <source>already trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_connection.py" line="349"/>
        <source>Connected to {host}:{port} as {user} in {sec:.1f} s. Server key {fp} ({trust}). Home folder {home} holds {n} entries.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpHostChangedDialog</name>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="94"/>
        <source>Server identity changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="102"/>
        <source>this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="104"/>
        <source>&lt;b&gt;The server {where} now presents a different host key from the one trusted before.&lt;/b&gt; Someone may be intercepting the connection. Nothing was sent to it: no login, no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="119"/>
        <source>Key the server presents now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="120"/>
        <source>Key trusted before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="121"/>
        <source>Trusted keys are kept in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="124"/>
        <source>Do not continue for now. Ask the broker whether the server key really changed, and compare the new fingerprint above with the one they give you through another channel. Only if they match, forget the old key; the next connection then shows the new key and asks you to trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="130"/>
        <source>&amp;Forget this host&apos;s old key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="135"/>
        <source>Copy new fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpHostKeyDialog</name>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="34"/>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="37"/>
        <source>This is the first connection to {host} port {port}. Before trusting it, compare its fingerprint with the one the broker publishes. If they differ, do not continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="49"/>
        <source>Server key fingerprint ({type})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="50"/>
        <source>The same key in MD5 form (older tools show this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="53"/>
        <source>&amp;Trust and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_hostkey_dialog.py" line="56"/>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpKeyPanel</name>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="125"/>
        <source>No key shown yet. Drop a key file here (.pub, .ppk, id_rsa) or open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="144"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="145"/>
        <source>Copy this fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="147"/>
        <source>Public key (send this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="148"/>
        <source>SHA256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="149"/>
        <source>MD5 fingerprint (old tools)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="150"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="152"/>
        <source>&amp;Copy public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="154"/>
        <source>Save as public.key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="196"/>
        <source>public key only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="197"/>
        <source>protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="197"/>
        <source>no passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="202"/>
        <source>, comment “{c}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="215"/>
        <source>Cannot save {p}: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="223"/>
        <source>Save public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_panel.py" line="224"/>
        <source>Public key (*.key *.pub)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpKeyWizard</name>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="244"/>
        <source>New sFTP key pair</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpPage</name>
    <message>
        <location filename="../../console/views/sftp_page.py" line="56"/>
        <source>Clients who receive statements by sFTP need an RSA key pair: they keep the private key and send the broker the one-line public key. Create one with the wizard, or open an existing key (OpenSSH, PEM or PuTTY .ppk) to see its public key and fingerprints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="62"/>
        <source>&amp;New key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="64"/>
        <source>&amp;Open key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="71"/>
        <source>Saved {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="74"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="78"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="84"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="105"/>
        <source>Open a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="106"/>
        <source>Keys (*.pub *.ppk *.key *.pem id_*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="128"/>
        <source>Key {name}: {fp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_page.py" line="152"/>
        <source>Connection test passed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsDetailView</name>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="28"/>
        <source>Select a client to see their devices, limits, deadlines and warnings.</source>
        <extracomment>A device that does not work now (lost, returned, expired, not activated yet): grey, struck-through level.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="42"/>
        <source>set by {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="43"/>
        <source>the no-device level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="58"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="60"/>
        <source>1 day left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="62"/>
        <source>{n} days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="63"/>
        <source>1 day ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="63"/>
        <source>{n} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="68"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="68"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="68"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="68"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="68"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="76"/>
        <source>Security level {n} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="80"/>
        <source>{holder}&apos;s device, shared with this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="82"/>
        <source>shared with {users}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_detail_view.py" line="84"/>
        <source>works through {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsPage</name>
    <message>
        <location filename="../../console/views/sls_page.py" line="75"/>
        <source>Checking the client database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="93"/>
        <source>Search by username, account (U1234567), name or device serial (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="100"/>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="104"/>
        <source>&amp;Import snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="105"/>
        <source>Load a back-office JSON snapshot (or drop the file here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="134"/>
        <location filename="../../console/views/sls_page.py" line="258"/>
        <source>Type to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="136"/>
        <source>Load &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="151"/>
        <source>&amp;Sharing check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="154"/>
        <source>&amp;Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="155"/>
        <source>Record a replacement request, a shipment or a return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="157"/>
        <source>Copy &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="163"/>
        <source>Steps copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="224"/>
        <source>&lt;h3&gt;The client database is not available&lt;/h3&gt;Client lookup needs the database. Check Preferences (or SUPPORT_CONSOLE_DB_URL) and the log pane for the reason, then restart. The HAR inspector, GPG and sFTP areas work without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="234"/>
        <source>No clients yet: import a snapshot (Import snapshot… or drop a .json file here) or load the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="274"/>
        <source> in {region}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="276"/>
        <source>No client matches “{q}”{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="278"/>
        <source>First {n} clients{where} shown; scroll down for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="280"/>
        <source>1 client found{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="281"/>
        <source>{n} clients found{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="335"/>
        <source>Client details copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="363"/>
        <source>Import a client snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="364"/>
        <source>JSON snapshots (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="373"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="375"/>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_page.py" line="379"/>
        <source>Imported {users} users and {devices} devices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsRecordDialog</name>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="62"/>
        <source>Record for {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="72"/>
        <source>(no device replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="82"/>
        <source>{serial} is {holder}&apos;s device, only shared with {user}: record its replacement for {holder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="84"/>
        <source>Not offered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="88"/>
        <source>Mark the replaced device as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="93"/>
        <source>New device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="94"/>
        <source>Replaces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="97"/>
        <source>Requested on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="98"/>
        <source>Replacement &amp;request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="105"/>
        <source>#{id}: {type} requested {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="108"/>
        <source>serial of the device shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="110"/>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="111"/>
        <source>Serial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="112"/>
        <source>Shipped on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="113"/>
        <source>&amp;Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="122"/>
        <location filename="../../console/views/sls_record_dialog.py" line="134"/>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="123"/>
        <source>Client shipped it on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="124"/>
        <source>Re&amp;turn sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="131"/>
        <source>{serial} (shipped {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="135"/>
        <source>Received on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="136"/>
        <source>Return r&amp;eceived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="160"/>
        <source>There is no replacement request waiting to be shipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="165"/>
        <source>This client holds no device that has to be sent back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_record_dialog.py" line="170"/>
        <source>No return is waiting to be received.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsShareDialog</name>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="48"/>
        <source>Can these users share a device?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="52"/>
        <source>user who wants to use the device: type a name, username, account or serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="55"/>
        <source>user holding the device: type a name, username, account or serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="56"/>
        <source>&amp;Requester:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="57"/>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="58"/>
        <source>S&amp;wap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="62"/>
        <source>Pick both users (suggestions appear as you type) and press Check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="65"/>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="85"/>
        <source>The users changed: press Check for this pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="96"/>
        <source>Pick both users: the requester and the device owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="100"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="115"/>
        <source>&lt;p&gt;&lt;b&gt;Eligible.&lt;/b&gt; {requester} may share {owner}&apos;s device &lt;b&gt;{device}&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="124"/>
        <source>&lt;p&gt;&lt;b&gt;Not eligible&lt;/b&gt;: one condition fails.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_share_dialog.py" line="125"/>
        <source>&lt;p&gt;&lt;b&gt;Not eligible&lt;/b&gt;: {count} conditions fail.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsUserPicker</name>
    <message>
        <location filename="../../console/views/sls_user_picker.py" line="68"/>
        <source>{user} — {name} ({account})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsUsersTableModel</name>
    <message>
        <location filename="../../console/views/sls_users_model.py" line="158"/>
        <source>none</source>
        <extracomment>Devices named in the Devices cell; the rest are counted (&quot;+2&quot;) and listed in the tooltip.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_users_model.py" line="174"/>
        <source>This account has opted out of the Secure Login System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlsWalkthroughPanel</name>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="41"/>
        <source>Situation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="44"/>
        <source>Lost or damaged device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="45"/>
        <source>Device temporarily unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="46"/>
        <source>SMS code not received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="47"/>
        <source>Voice callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="48"/>
        <source>IB Key activation on iOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="49"/>
        <source>IB Key activation on Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="50"/>
        <source>IB Key notification not received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="51"/>
        <source>Opt back in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="52"/>
        <source>Share a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="53"/>
        <source>Return a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="59"/>
        <source>&amp;Copy steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="61"/>
        <source>Copy the steps for pasting into the ticket reply (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sls_walkthrough_panel.py" line="89"/>
        <source>Pick a client to see steps tailored to them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaterfallLegend</name>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="63"/>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="63"/>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="63"/>
        <source>connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="64"/>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="64"/>
        <source>send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="64"/>
        <source>wait (TTFB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="65"/>
        <source>receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="65"/>
        <source>DOMContentLoaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="66"/>
        <source>load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/har_waterfall.py" line="72"/>
        <source>Phases of each request on its page&apos;s time axis; lines mark the page&apos;s events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CreatePage</name>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="128"/>
        <source>Create and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="140"/>
        <source>The earlier pages are locked because the key pair now exists. For a different name or email, finish here and choose New key pair… again (remove this key from the list if nobody needs it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="146"/>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="147"/>
        <source>Export public key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="148"/>
        <source>Back up key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="149"/>
        <source>Save revocation certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="156"/>
        <source>Public key (send it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="157"/>
        <source>Key pair backup (keep offline):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="158"/>
        <source>Revocation certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="183"/>
        <source>No backup of the key pair yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="184"/>
        <source>Without one, a lost or replaced computer means the reports sent to this key can never be opened again. The exported public key is not a backup. Click Back up key pair… now, or Finish without backup to close anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_IdentityPage</name>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="47"/>
        <source>Who is the key pair for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="48"/>
        <source>The name and email the client&apos;s reports will be encrypted for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="59"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="60"/>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="61"/>
        <source>Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="62"/>
        <source>Expires after:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PassphrasePage</name>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="85"/>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="86"/>
        <source>It protects the secret key. Without it the key pair cannot decrypt anything, and nobody can recover it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="98"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="99"/>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="100"/>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="102"/>
        <source>&lt;i&gt;Create key pair&lt;/i&gt; makes the key. After that, the name, email and passphrase cannot be changed in this wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="114"/>
        <source>{label}. {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/gpg_keypair_wizard.py" line="116"/>
        <location filename="../../console/views/sftp_key_wizard.py" line="123"/>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="93"/>
        <source>Passphrase (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="96"/>
        <source>A passphrase encrypts the private key file, so a copied file is useless without it. You will type it when connecting. It cannot be recovered if forgotten: you would make a new key pair. Leave both fields empty for no passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="105"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="106"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="119"/>
        <source>Very weak: make it longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="119"/>
        <source>Weak: make it longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="120"/>
        <source>Fair: longer is better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="120"/>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="120"/>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="121"/>
        <source>No passphrase: anyone with the file can use the key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ResultPage</name>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="179"/>
        <source>Your key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="181"/>
        <source>Generating the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="192"/>
        <source>&amp;Test the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="209"/>
        <source>Saved {priv}{ppk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="210"/>
        <source> and {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="213"/>
        <source>What to send: only the public key above (the file {pub}), through the Message Center or by email as the broker instructs. Never send the private key ({priv} or the .ppk) to anyone, the broker included. Once the broker has installed the key (allow 1-2 business days), connect to {host} on port {port} with the private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="223"/>
        <source>The key pair was not created. Go back to change the settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_SavePage</name>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="134"/>
        <source>Where to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="137"/>
        <source>The private key is saved as {priv} (OpenSSH format, readable only by you) and the public key as {pub}. PuTTY and WinSCP users also need a .ppk file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="141"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="146"/>
        <source>Also save {name} for PuTTY / WinSCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="148"/>
        <source>Version 3 (PuTTY 0.75 and later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="149"/>
        <source>Version 2 (older PuTTY and WinSCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="157"/>
        <source>Folder for the key files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="162"/>
        <source>Replace key files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="163"/>
        <source>{names} already exist in this folder. Replacing them makes the old key unusable for good. Replace?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_SizePage</name>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="80"/>
        <source>Key size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="83"/>
        <source>An RSA key of 2048 bits is what the broker asks for. Larger keys also work but are slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="86"/>
        <source>{n} bits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_UserPage</name>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="44"/>
        <source>Your sFTP username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="47"/>
        <source>The key&apos;s comment must be the sFTP username the broker gave you; the broker uses it to match the key to the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="50"/>
        <source>e.g. u1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/views/sftp_key_wizard.py" line="69"/>
        <source>Next is blocked: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
