"""``support-console gpg ...``: the console's keyring, client key pairs, backups, encrypt, decrypt.

Every verb works on the console's own GnuPG home (the ``gnupg_home`` setting, or
``--gnupghome DIR``), never on a personal keyring. Passphrases come from
``--passphrase-file F`` (``-`` = stdin) or a prompt, never from the command line.

Exit codes: 0 ok; 2 bad input, unknown key, usage; 3 gpg not installed; 4 no secret key or
wrong passphrase; 5 recipient key not confirmed, expired or revoked; 6 damaged or
not-encrypted input; 130 cancelled. sFTP delivery failures keep the sftp area's codes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from console.cli.output import PORT, add_area, add_verb, emit, read_secret, table


def register(sub: Any) -> None:
    verbs = add_area(sub, "gpg", "Encrypted reports: keys, client key pairs, backups, encrypt, decrypt")

    p = _verb(verbs, "keys", keys, "list the keys in the console's keyring")

    p = _verb(verbs, "import", import_, "import a public key (prints its fingerprint)")
    p.add_argument("file", type=Path, help="key file (.asc), or - to read it from stdin")
    p.add_argument("--trust", action="store_true",
                   help="confirm the key for encryption (only after checking the fingerprint with its owner)")

    p = _verb(verbs, "trust", trust, "confirm an imported key for encryption (after checking its fingerprint)")
    p.add_argument("key", help="fingerprint, key id or email")

    p = _verb(verbs, "remove", remove, "delete a key (and its secret part) from the console's keyring")
    p.add_argument("key", help="fingerprint (or key id, email)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    p = _verb(verbs, "generate", generate, "create a key pair (name, email, type, expiry, passphrase)")
    p.add_argument("--name", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--algo", default="rsa3072", choices=("rsa3072", "rsa4096", "ed25519"),
                   help="key type (default rsa3072)")
    p.add_argument("--expire", default="2y", help="expiry: 2y (default), 18m, 90d, or 0 for never")
    p.add_argument("--passphrase-file", metavar="F", help="read the passphrase from F (- = stdin)")
    p.add_argument("--revocation-out", type=Path, metavar="FILE", help="also save the revocation certificate")

    p = _verb(verbs, "export-public", export_public, "write a public key, ASCII-armored, ready to send",
              json=False)
    p.add_argument("key")
    p.add_argument("out", type=Path, help="output file (.asc), or - for stdout")

    p = _verb(verbs, "backup", backup, "back up a key pair (secret and public parts) to an armored file")
    p.add_argument("key")
    p.add_argument("out", type=Path)
    p.add_argument("--passphrase-file", metavar="F", help="passphrase of the key pair (- = stdin)")

    p = _verb(verbs, "restore", restore, "restore a key pair backup (e.g. on another computer)")
    p.add_argument("file", type=Path)

    p = _verb(verbs, "revocation", revocation, "save the revocation certificate made with a key pair")
    p.add_argument("key")
    p.add_argument("out", type=Path)

    p = _verb(verbs, "encrypt", encrypt, "encrypt reports (files or folders) to a client key as NAME.gpg")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--to", required=True, metavar="KEY", help="recipient: fingerprint, key id or email")
    p.add_argument("--out", type=Path, metavar="DIR", help="save the .gpg files here (default: beside each report)")
    p.add_argument("--sign-with", metavar="KEY", help="also sign with this secret key (the team key)")
    p.add_argument("--passphrase-file", metavar="F", help="passphrase of the signing key (- = stdin)")
    p.add_argument("--overwrite", action="store_true", help="replace existing .gpg files")
    g = p.add_argument_group("deliver to the client's sFTP outbox")
    g.add_argument("--upload-to", metavar="REMOTE_DIR", help="upload the encrypted files into this remote folder")
    g.add_argument("--sftp-profile", metavar="NAME", help="take host, port, user, key and folder from a profile")
    g.add_argument("--sftp-host")
    g.add_argument("--sftp-port", type=PORT)
    g.add_argument("--sftp-user")
    g.add_argument("--sftp-key", type=Path, help="private key for the sFTP login")
    g.add_argument("--sftp-passphrase-file", metavar="F", help="passphrase of the sFTP key (- = stdin)")
    g.add_argument("--known-hosts", type=Path, metavar="F", help="known_hosts file (default: the console's own)")

    p = _verb(verbs, "decrypt", decrypt, "decrypt a .gpg/.pgp file")
    p.add_argument("file", type=Path)
    p.add_argument("--out", required=True, type=Path, metavar="OUT", help="where to write the decrypted file")
    p.add_argument("--passphrase-file", metavar="F", help="passphrase of the key pair (- = stdin)")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")


def _verb(verbs: Any, name: str, handler: Any, help_text: str, *, json: bool = True) -> argparse.ArgumentParser:
    p = add_verb(verbs, name, handler, help_text, json=json)
    p.allow_abbrev = False  # '--passphrase X' must not be taken for '--passphrase-file X'
    p.add_argument("--passphrase", dest="passphrase_on_command_line", help=argparse.SUPPRESS)
    p.add_argument("--gnupghome", type=Path, metavar="DIR", help="GnuPG home to use (default: the console's own)")
    p.add_argument("--gpg-binary", metavar="PATH",
                   help="the gpg program (default: the gpg_binary setting, normally gpg on PATH)")
    return p


def _home(args: argparse.Namespace, ctx: Any) -> Any:
    from console.services.errors import InvalidInput
    from console.services.gpg import GpgHome

    if args.passphrase_on_command_line is not None:
        raise InvalidInput("Passphrases are not taken on the command line (shell history and process lists "
                           "would show them). Use --passphrase-file FILE, --passphrase-file - for stdin, "
                           "or answer the prompt.")
    path = args.gnupghome or ctx.settings.gnupg_home
    # Only the console's default home is created on first use: a mistyped --gnupghome is refused.
    return GpgHome.chosen(path, args.gpg_binary or ctx.settings.gpg_binary, default=Path(ctx.data_dir) / "gnupg")


_LIST_KEYS_HINT = ("See the keys it holds with 'support-console gpg keys' (with the same --gnupghome, "
                   "if you gave one).")


def _find(home: Any, query: str) -> Any:
    """The key ``query`` names; if none, say how to see the keys there are (importing is rarely the fix)."""
    from console.services import gpg

    try:
        return gpg.find_key(home, query)
    except gpg.KeyNotFound as exc:
        raise gpg.KeyNotFound(f"There is no key matching '{query}' in the console's keyring ({home.path}).",
                              hint=_LIST_KEYS_HINT) from exc


def _overwrite_hint(exc: Any, switch: str = "--overwrite") -> Any:
    exc.hint = f"Choose another name or folder, or add {switch} to replace it."
    return exc


def _progress(label: str) -> Any:
    """A one-line progress display on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        pct = f"{done * 100 // total:3d}%" if total else ""
        sys.stderr.write(f"\r{label} {pct}")
        if total and done >= total:
            sys.stderr.write("\n")

    return show


def _n(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else noun + 's'}"


def _key_row(k: Any) -> list[str]:
    expires = k.expires.strftime("%Y-%m-%d") if k.expires else "never"
    return [k.primary_uid, k.grouped_fingerprint, k.algorithm_label,
            k.created.strftime("%Y-%m-%d") if k.created else "", expires, k.status,
            "yes" if k.has_secret else "no"]


def _key_text(k: Any) -> str:
    lines = [f"{k.primary_uid}", f"  fingerprint  {k.grouped_fingerprint}",
             f"  type         {k.algorithm_label}",
             f"  expires      {k.expires:%Y-%m-%d}" if k.expires else "  expires      never",
             f"  status       {k.status}", f"  secret part  {'yes' if k.has_secret else 'no'}"]
    return "\n".join(lines)


# ---------------------------------------------------------------------- keyring
def keys(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    found = gpg.list_keys(_home(args, ctx))

    def text(_: Any) -> str:
        if not found:
            return "The console's keyring is empty. Import a client's public key with 'gpg import FILE'."
        out = table([_key_row(k) for k in found],
                    ["USER ID", "FINGERPRINT", "TYPE", "CREATED", "EXPIRES", "STATUS", "SECRET"])
        soon = [k for k in found if k.expires_soon]
        for k in soon:
            out += f"\nwarning: {k.primary_uid} expires in {k.expires_in_days} days ({k.expires:%Y-%m-%d})."
        return out

    emit(args, [k.as_dict() for k in found], text)
    return 0


def import_(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    home = _home(args, ctx)
    data = sys.stdin.buffer.read(gpg.keyring.MAX_KEY_FILE_BYTES + 1) if str(args.file) == "-" else \
        gpg.read_key_file(args.file)
    summary = gpg.import_keys(home, data, trust=args.trust)

    def text(_: Any) -> str:
        lines = [summary.summary + "."]
        for k in summary.keys:
            lines.append(_key_text(k))
        if not args.trust and any(not k.trusted for k in summary.keys):
            lines.append("Not yet usable for encryption. Check the fingerprint above with the key's owner "
                         "(by phone or another channel), then run: support-console gpg trust FINGERPRINT")
        return "\n".join(lines)

    emit(args, {"summary": summary.summary, "public_imported": summary.public_imported,
                "secret_imported": summary.secret_imported, "keys": [k.as_dict() for k in summary.keys]}, text)
    return 0


def trust(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    key = gpg.trust_key(_home(args, ctx), args.key)
    emit(args, key.as_dict(), lambda _: f"Confirmed for encryption: {key.primary_uid}\n"
                                        f"  fingerprint  {key.grouped_fingerprint}")
    return 0


def remove(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg
    from console.services.errors import InvalidInput

    home = _home(args, ctx)
    try:
        key = gpg.find_key(home, args.key)
    except gpg.KeyNotFound as exc:
        raise gpg.KeyNotFound(f"There is no key matching '{args.key}' in the console's keyring ({home.path}); "
                              "nothing was removed.", hint=_LIST_KEYS_HINT) from exc
    if not args.yes:
        if not sys.stdin.isatty():
            raise InvalidInput("Removing a key needs confirmation: add --yes.")
        what = "key pair (secret part included)" if key.has_secret else "public key"
        answer = input(f"Remove the {what} of {key.primary_uid} ({key.grouped_fingerprint})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.", file=sys.stderr)
            return 2
    gpg.remove_key(home, key.fingerprint)
    emit(args, key.as_dict(), lambda _: f"Removed {key.primary_uid} ({key.grouped_fingerprint}).")
    return 0


# ---------------------------------------------------------------------- key pairs
def generate(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg
    from console.services.errors import InvalidInput, UserFacingError

    home = _home(args, ctx)
    # Everything that can be refused is checked before the key pair exists: a failure after it
    # would leave a key behind, and a retry would make a second one.
    problem = gpg.identity_problem(args.name, args.email)
    if problem:
        raise InvalidInput(problem)
    gpg.validate_expire(args.expire)
    if args.revocation_out:
        gpg.check_output_file(args.revocation_out, "revocation certificate file")
    passphrase = read_secret(args.passphrase_file, prompt="Passphrase for the new key pair: ", confirm=True)
    strength = gpg.passphrase_strength(passphrase)
    made = gpg.generate_key_pair(home, args.name, args.email, passphrase=passphrase, algo=args.algo,
                                 expire=args.expire)
    rev_out = None
    if args.revocation_out:
        try:
            rev_out = gpg.save_revocation_certificate(home, made.key.fingerprint, args.revocation_out)
        except UserFacingError as exc:
            raise InvalidInput(f"The key pair was created ({made.key.fingerprint}), but saving the revocation "
                               f"certificate failed: {exc.message}",
                               hint="Do not create it again: save the certificate with 'support-console gpg "
                                    f"revocation {made.key.fingerprint} FILE'.") from exc

    def text(_: Any) -> str:
        lines = ["Key pair created.", _key_text(made.key), f"Passphrase strength: {strength.label}."]
        if made.revocation_certificate:
            lines.append(f"gpg saved a revocation certificate for this key in {made.revocation_certificate}.")
        if rev_out:
            lines.append(f"A copy of the revocation certificate was saved to {rev_out}.")
        else:
            lines.append("Save a copy to keep offline with 'support-console gpg revocation "
                         f"{made.key.fingerprint} FILE', or use --revocation-out FILE next time.")
        lines.append(gpg.REVOCATION_EXPLANATION)
        lines.append("Next: 'gpg export-public' to send the public key, and 'gpg backup' to keep both parts safe. "
                     + gpg.BACKUP_WARNING)
        return "\n".join(lines)

    emit(args, {"key": made.key.as_dict(), "revocation_certificate": rev_out,
                "revocation_certificate_in_home": made.revocation_certificate,
                "passphrase_strength": strength.label}, text)
    return 0


def export_public(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    home = _home(args, ctx)
    to_stdout = str(args.out) == "-"
    key, armored = gpg.export_public(home, _find(home, args.key).fingerprint, None if to_stdout else args.out)
    if to_stdout:
        sys.stdout.write(armored)
    else:
        print(f"Public key of {key.primary_uid} written to {args.out}.\n"
              f"  fingerprint  {key.grouped_fingerprint}\n{gpg.BACKUP_WARNING}")
    return 0


def backup(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    home = _home(args, ctx)
    key = _find(home, args.key)
    passphrase = read_secret(args.passphrase_file, prompt=f"Passphrase of {key.primary_uid}: ")
    res = gpg.backup_key_pair(home, key.fingerprint, args.out, passphrase=passphrase)
    emit(args, {"fingerprint": res.key.fingerprint, "path": res.path},
         lambda _: f"Key pair of {res.key.primary_uid} (secret and public parts) backed up to {res.path}.\n"
                   "Keep this file offline (e.g. on a USB drive) and delete copies once restored elsewhere.")
    return 0


def restore(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    summary = gpg.restore_backup(_home(args, ctx), args.file)
    emit(args, {"summary": summary.summary, "public_imported": summary.public_imported,
                "secret_imported": summary.secret_imported, "keys": [k.as_dict() for k in summary.keys]},
         lambda _: "\n".join([summary.summary + "."] + [_key_text(k) for k in summary.keys]))
    return 0


def revocation(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    home = _home(args, ctx)
    out = gpg.save_revocation_certificate(home, _find(home, args.key).fingerprint, args.out)
    emit(args, {"path": out}, lambda _: f"Revocation certificate saved to {out}.\n{gpg.REVOCATION_EXPLANATION}")
    return 0


# ---------------------------------------------------------------------- encrypt / decrypt
def _upload_settings(args: argparse.Namespace, ctx: Any) -> dict[str, Any] | None:
    from console.services.errors import InvalidInput

    if not args.upload_to and not args.sftp_profile:
        return None
    conf: dict[str, Any] = {"host": args.sftp_host, "port": args.sftp_port, "username": args.sftp_user,
                            "key_path": args.sftp_key, "remote_dir": args.upload_to}
    if args.sftp_profile:
        from console.services.sftp import profiles

        prof = profiles.get_profile(profiles.default_path(ctx.data_dir), args.sftp_profile)
        for name, value in (("host", prof.host), ("port", prof.port), ("username", prof.username),
                            ("key_path", Path(prof.key_path) if prof.key_path else None),
                            ("remote_dir", prof.remote_dir)):
            if conf[name] in (None, ""):
                conf[name] = value
    conf["host"] = conf["host"] or ctx.settings.sftp_host
    conf["port"] = conf["port"] or ctx.settings.sftp_port
    if not conf["username"] or not conf["key_path"]:
        raise InvalidInput("Uploading needs --sftp-user and --sftp-key (or --sftp-profile NAME).")
    if args.known_hosts:
        conf["known_hosts"] = args.known_hosts
    else:
        from console.services.sftp import known_hosts_path

        conf["known_hosts"] = known_hosts_path(ctx.data_dir)
    conf["remote_dir"] = conf["remote_dir"] or "."
    return conf


def encrypt(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg
    from console.services.errors import InvalidInput

    home = _home(args, ctx)
    upload = _upload_settings(args, ctx)  # check the delivery options before any work
    passphrase = None
    if args.sign_with:
        passphrase = read_secret(args.passphrase_file, prompt="Passphrase of the signing key: ")
    elif args.passphrase_file:
        raise InvalidInput("--passphrase-file is for --sign-with; encrypting alone needs no passphrase.")
    try:
        result = gpg.encrypt_files(home, args.paths, args.to, out_dir=args.out, sign_with=args.sign_with,
                                   passphrase=passphrase, overwrite=args.overwrite, progress=_progress("Encrypting"))
    except gpg.OutputExists as exc:
        raise _overwrite_hint(exc) from None
    delivered: tuple[Any, ...] = ()
    if upload is not None:
        key_pass = read_secret(args.sftp_passphrase_file, prompt="Passphrase of the sFTP key: ") \
            if args.sftp_passphrase_file else None
        delivered = gpg.upload_reports([f.output for f in result.files], key_passphrase=key_pass,
                                       overwrite=args.overwrite, progress=_progress("Uploading"), **upload)

    def text(_: Any) -> str:
        lines = [f"Encrypted {_n(len(result.files), 'file')} to {result.recipient_uid} "
                 f"({gpg.group_fingerprint(result.recipient)})" + (", signed." if result.signed_by else ".")]
        lines += [f"  {f.output}" for f in result.files]
        if delivered:
            lines.append(f"Uploaded {_n(len(delivered), 'file')} to {upload['host'] if upload else ''}:")
            lines += [f"  {d.remote}" for d in delivered]
        return "\n".join(lines)

    emit(args, {"recipient": result.recipient, "recipient_uid": result.recipient_uid,
                "signed_by": result.signed_by,
                "files": [{"source": f.source, "output": f.output, "size": f.size,
                           "compressed_by_gpg": f.compressed_by_gpg} for f in result.files],
                "uploaded": [{"local": d.local, "remote": d.remote, "size": d.size, "sha256": d.sha256}
                             for d in delivered]}, text)
    return 0


def decrypt(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import gpg

    home = _home(args, ctx)
    passphrase = read_secret(args.passphrase_file, prompt="Passphrase of the key pair: ")
    try:
        res = gpg.decrypt_file(home, args.file, args.out, passphrase=passphrase, overwrite=args.overwrite,
                               progress=_progress("Decrypting"))
    except gpg.OutputExists as exc:
        raise _overwrite_hint(exc) from None

    def text(_: Any) -> str:
        out = f"Decrypted {res.source.name} to {res.output} ({res.size} bytes)."
        if res.signature:
            out += f"\nSignature: {res.signature}."
        return out

    emit(args, {"source": res.source, "output": res.output, "size": res.size,
                "key_fingerprint": res.key_fingerprint, "original_name": res.original_name,
                "signature": res.signature}, text)
    return 0
