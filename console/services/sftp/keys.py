"""RSA key pairs for sFTP: generate, save (OpenSSH, PuTTY .ppk, public line), load and describe.

The broker asks for an RSA key of 2048 bits whose comment is the client's sFTP username; the
client keeps the private key and sends only the one-line public key. Private files are written
with mode 0600 from their first byte (temp file created 0600, then renamed into place).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.services.fsutil import atomic_output, atomic_write_text
from console.services.sftp import openssh, pkcs8, ppk
from console.services.sftp.errors import KeyFileError, PassphraseNeeded, WrongPassphrase

KEY_SIZES = (2048, 3072, 4096)
DEFAULT_BITS = 2048
PRIVATE_NAME = "id_rsa"
PUBLIC_NAME = "public.key"
PPK_NAME = "id_rsa.ppk"
_MAX_KEY_FILE = 1024 * 1024


@dataclass(frozen=True)
class KeyInfo:
    """What a key file holds, for display: never the private key itself."""

    path: str
    format: str  # "openssh", "pem", "ppk" or "public"
    key_type: str  # e.g. "ssh-rsa"
    bits: int
    comment: str
    public_line: str
    sha256: str
    md5: str
    encrypted: bool
    has_private: bool
    verified: bool  # the private half was opened (passphrase checked, .ppk MAC verified)


@dataclass(frozen=True)
class KeyPairResult:
    private_path: str
    public_path: str
    ppk_path: str | None
    info: KeyInfo


# ---------------------------------------------------------------------- fingerprints and public lines
def sha256_fingerprint(blob: bytes) -> str:
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def md5_fingerprint(blob: bytes) -> str:
    digest = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    return "MD5:" + ":".join(digest[i:i + 2] for i in range(0, 32, 2))


def blob_key_type(blob: bytes) -> str:
    try:
        return openssh.WireReader(blob).string().decode("ascii")
    except (ValueError, UnicodeDecodeError):
        raise KeyFileError("The public key data is damaged.") from None


def public_line(blob: bytes, comment: str) -> str:
    line = f"{blob_key_type(blob)} {base64.b64encode(blob).decode('ascii')}"
    return f"{line} {comment}" if comment else line


def _bits_of_blob(blob: bytes) -> int:
    reader = openssh.WireReader(blob)
    kind = reader.string()
    try:
        if kind == b"ssh-rsa":
            reader.mpint()
            return reader.mpint().bit_length()
        if kind == b"ssh-ed25519":
            return 256
        if kind.startswith(b"ecdsa-sha2-nistp"):
            return int(kind.rsplit(b"nistp", 1)[1])
    except ValueError:
        pass
    return 0


def _info(path: Path, fmt: str, blob: bytes, comment: str, encrypted: bool, has_private: bool,
          verified: bool) -> KeyInfo:
    return KeyInfo(path=str(path), format=fmt, key_type=blob_key_type(blob), bits=_bits_of_blob(blob),
                   comment=comment, public_line=public_line(blob, comment), sha256=sha256_fingerprint(blob),
                   md5=md5_fingerprint(blob), encrypted=encrypted, has_private=has_private, verified=verified)


# ---------------------------------------------------------------------- cryptography key <-> blobs
def _public_blob_of(private_key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    line = private_key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return base64.b64decode(line.split()[1])


def _rsa_ppk_private(private_key: Any) -> bytes:
    nums = private_key.private_numbers()
    return openssh.mpint(nums.d) + openssh.mpint(nums.p) + openssh.mpint(nums.q) + openssh.mpint(nums.iqmp)


def _key_from_ppk(contents: ppk.PpkContents, validate: bool = True) -> Any:
    """A cryptography private key from the blobs of a .ppk file (RSA, Ed25519, ECDSA)."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    assert contents.private_blob is not None
    pub = openssh.WireReader(contents.public_blob)
    priv = openssh.WireReader(contents.private_blob)
    kind = pub.string()
    try:
        if kind == b"ssh-rsa":
            e, n = pub.mpint(), pub.mpint()
            d, p, q, iqmp = priv.mpint(), priv.mpint(), priv.mpint(), priv.mpint()
            if p * q != n:
                raise KeyFileError("This .ppk file is inconsistent: its private half does not match.")
            numbers = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), iqmp,
                                            rsa.RSAPublicNumbers(e, n))
            return numbers.private_key(unsafe_skip_rsa_key_validation=not validate)
        if kind == b"ssh-ed25519":
            return ed25519.Ed25519PrivateKey.from_private_bytes(priv.string()[:32])
        if kind.startswith(b"ecdsa-sha2-nistp"):
            curve = {b"256": ec.SECP256R1(), b"384": ec.SECP384R1(), b"521": ec.SECP521R1()}[kind[16:]]
            return ec.derive_private_key(priv.mpint(), curve)
    except (ValueError, KeyError):
        raise KeyFileError("This .ppk file holds a damaged key.") from None
    raise KeyFileError(f"Keys of type {kind.decode('ascii', 'replace')} are not supported.")


# ---------------------------------------------------------------------- generate and save
def generate_rsa(bits: int = DEFAULT_BITS) -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    if bits not in KEY_SIZES:
        raise KeyFileError(f"Choose a key size of {', '.join(map(str, KEY_SIZES))} bits (the broker asks for 2048).")
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


MAX_USERNAME = 64


def username_problem(username: str) -> str | None:
    """Why ``username`` cannot be an sFTP username (the key's comment), or None when it can."""
    name = username.strip()
    if not name:
        return "Enter the sFTP username: it becomes the key's comment, which the broker checks."
    if any(ch.isspace() for ch in name):
        return f"{name!r} contains a space; an sFTP username has none (check what the broker sent)."
    bad = next((ch for ch in name if not ch.isprintable()), None)
    if bad is not None:
        return f"The username contains a control character (U+{ord(bad):04X}); type it again."
    if len(name) > MAX_USERNAME:
        return f"An sFTP username is at most {MAX_USERNAME} characters long; this one has {len(name)}."
    return None


def validate_username(username: str) -> str:
    problem = username_problem(username)
    if problem is not None:
        raise KeyFileError(problem)
    return username.strip()


def _check_targets(out_dir: Path, targets: list[Path], overwrite: bool) -> None:
    """Refuse before any work: a target that is not a regular file, or any existing one unless ``overwrite``."""
    if out_dir.exists() and not out_dir.is_dir():
        raise KeyFileError(f"{out_dir} is a file, not a folder: choose a folder for the key files.")
    odd = [p.name for p in targets if (p.exists() or p.is_symlink()) and not p.is_file()]
    if odd:
        raise KeyFileError(f"{', '.join(odd)} in {out_dir} {'is' if len(odd) == 1 else 'are'} not a regular "
                           "file (a folder?); nothing was written.",
                           hint="Move it out of the way, or pick another folder.")
    existing = [p.name for p in targets if p.exists()]
    if existing and not overwrite:
        raise KeyFileError(f"{', '.join(existing)} already exist in {out_dir}; refusing to overwrite a key.",
                           hint="Pick an empty folder, or confirm replacing them (--force).")


def _write_together(out_dir: Path, files: list[tuple[Path, bytes, int]]) -> None:
    """Write every file to a temp beside it, then rename them all; on any failure the old files stay.

    Existing targets are hard-linked (or copied) aside first, so a failure halfway through the
    renames puts every old file back: a key pair is never left half old, half new.
    """
    temps: list[Path] = []
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for target, data, mode in files:
            fd, name = tempfile.mkstemp(dir=out_dir, prefix=f".{target.name}.", suffix=".tmp")
            temps.append(Path(name))
            os.chmod(name, mode)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for target, _data, _mode in files:
            if target.exists():
                fd, name = tempfile.mkstemp(dir=out_dir, prefix=f".{target.name}.", suffix=".old")
                os.close(fd)
                backup = Path(name)
                backups[target] = backup
                shutil.copy2(target, backup)
        for (target, _data, _mode), temp in zip(files, temps, strict=True):
            os.replace(temp, target)
            replaced.append(target)
    except OSError as exc:
        for target in reversed(replaced):
            with contextlib.suppress(OSError):
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    target.unlink()
        raise KeyFileError(f"Cannot write the key files in {out_dir}: {exc.strerror or exc}. "
                           "Nothing was changed.") from exc
    finally:
        for leftover in [*temps, *backups.values()]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def save_key_pair(out_dir: Path, username: str, *, bits: int = DEFAULT_BITS, passphrase: str | None = None,
                  write_ppk: bool = False, ppk_version: int = 3, overwrite: bool = False,
                  private_key: Any = None,
                  progress: Callable[[int, int], None] | None = None) -> KeyPairResult:
    """Generate (or take) an RSA key and write ``id_rsa`` (0600), ``public.key`` and optionally ``id_rsa.ppk``.

    Nothing is overwritten unless ``overwrite``; every target is checked before any work, all
    files are written to temps and then renamed together (a failure leaves the old files).
    """
    comment = validate_username(username)
    if ppk_version not in (2, 3):
        raise KeyFileError("The PuTTY key file version must be 2 or 3.")
    out_dir = Path(out_dir)
    targets = [out_dir / PRIVATE_NAME, out_dir / PUBLIC_NAME] + ([out_dir / PPK_NAME] if write_ppk else [])
    _check_targets(out_dir, targets, overwrite)
    if progress:
        progress(0, 3)
    key = private_key if private_key is not None else generate_rsa(bits)
    if progress:
        progress(1, 3)
    nums = key.private_numbers()
    pub = nums.public_numbers
    blob = _public_blob_of(key)
    files = [(targets[0], openssh.encode_rsa(pub.n, pub.e, nums.d, nums.p, nums.q, nums.iqmp, comment,
                                            passphrase or None), 0o600),
             (targets[1], (public_line(blob, comment) + "\n").encode("utf-8"), 0o644)]
    ppk_path = None
    if write_ppk:
        files.append((targets[2], ppk.encode_ppk("ssh-rsa", blob, _rsa_ppk_private(key), comment,
                                                 passphrase=passphrase or None, version=ppk_version), 0o600))
        ppk_path = str(targets[2])
    _write_together(out_dir, files)
    if progress:
        progress(3, 3)
    info = _info(targets[0], "openssh", blob, comment, bool(passphrase), True, True)
    return KeyPairResult(str(targets[0]), str(targets[1]), ppk_path, info)


def write_ppk_from(key_path: Path, out: Path, *, passphrase: str | None = None, new_passphrase: str | None = None,
                   version: int = 3, overwrite: bool = False) -> KeyInfo:
    """Convert an existing private key to a .ppk (for PuTTY/WinSCP users who already have a key)."""
    loaded, comment = load_private_key(key_path, passphrase)
    if Path(out).exists() and not Path(out).is_file():
        raise KeyFileError(f"{out} is a folder, not a file: choose a file name for the .ppk.")
    if Path(out).exists() and not overwrite:
        raise KeyFileError(f"{out} already exists; refusing to overwrite it.")
    blob = _public_blob_of(loaded)
    if blob_key_type(blob) != "ssh-rsa":
        raise KeyFileError("Only RSA keys can be saved as .ppk here.")
    data = ppk.encode_ppk("ssh-rsa", blob, _rsa_ppk_private(loaded), comment, passphrase=new_passphrase,
                          version=version)
    try:
        with atomic_output(Path(out), mode=0o600) as fh:
            fh.write(data)
    except OSError as exc:
        raise KeyFileError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    return _info(Path(out), "ppk", blob, comment, bool(new_passphrase), True, True)


# ---------------------------------------------------------------------- load
def _read(path: Path) -> bytes:
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_KEY_FILE:
            raise KeyFileError(f"{path.name} is far too large to be a key file.")
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"The key file {path} does not exist.") from None
    except IsADirectoryError:
        raise KeyFileError(f"{path} is a folder, not a key file.") from None
    except OSError as exc:
        raise KeyFileError(f"Cannot read the key file {path}: {exc.strerror or exc}.") from exc


def _load_pem_or_openssh(data: bytes, passphrase: str | None, path: Path, validate: bool = True) -> Any:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization

    secret = passphrase.encode("utf-8") if passphrase else None
    is_openssh = openssh.BEGIN.encode() in data
    if secret:
        _refuse_costly_kdf(data, path, is_openssh)
    def loader(raw: bytes, password: bytes | None) -> Any:
        load = serialization.load_ssh_private_key if is_openssh else serialization.load_pem_private_key
        return load(raw, password=password, unsafe_skip_rsa_key_validation=not validate)

    try:
        return loader(data, password=secret)
    except TypeError as exc:
        text = str(exc).lower()
        if "password was not given" in text or "encrypted" in text:
            raise PassphraseNeeded(f"{path.name} is protected by a passphrase: enter it to open the key.") from None
        if "not encrypted" in text:
            return loader(data, password=None)
        raise KeyFileError(f"{path.name} cannot be read as a private key.") from None
    except ValueError as exc:
        text = str(exc).lower()
        if secret and ("decrypt" in text or "password" in text or "bad" in text or "corrupt" in text
                       or is_openssh):
            raise WrongPassphrase(f"The passphrase does not open {path.name}.",
                                  hint="Passphrases are case-sensitive; check Caps Lock.") from None
        raise KeyFileError(f"{path.name} is not a private key this console can read ({exc}).") from None
    except UnsupportedAlgorithm as exc:
        raise KeyFileError(f"{path.name} holds a key type this console cannot use ({exc}).") from None


def _refuse_costly_kdf(data: bytes, path: Path, is_openssh: bool) -> None:
    """Read the key-derivation cost from the cleartext header and refuse absurd ones before decrypting."""
    hint = "Open the original key file, or make a new key pair with the wizard (sftp keygen)."
    if is_openssh:
        try:
            rounds = openssh.kdf_rounds(data)
        except ValueError:
            raise KeyFileError(f"{path.name} is a damaged OpenSSH private key (its encryption settings "
                               "cannot be read).", hint=hint) from None
        if rounds > openssh.MAX_BCRYPT_ROUNDS:
            raise KeyFileError(f"{path.name} asks for {rounds:,} bcrypt rounds to open (ssh-keygen uses 16; "
                               f"at most {openssh.MAX_BCRYPT_ROUNDS} are accepted): the file is damaged or "
                               "was made to stall the program.", hint=hint)
        return
    problem = pkcs8.work_problem(data)
    if problem is not None:
        raise KeyFileError(f"{path.name} {problem}.", hint=hint)


def load_private_key(path: Path, passphrase: str | None = None, *, validate: bool = True) -> tuple[Any, str]:
    """The private key (a cryptography key object) and its comment. Raises PassphraseNeeded/WrongPassphrase.

    ``validate=False`` skips the (slow) RSA consistency check: fine before connecting, since a
    broken key simply fails authentication.
    """
    path = Path(path)
    data = _read(path)
    if ppk.is_ppk(data):
        contents = ppk.decode_ppk(data, passphrase)
        return _key_from_ppk(contents, validate), contents.comment
    if b"PRIVATE KEY-----" not in data:
        raise KeyFileError(f"{path.name} is not a private key (OpenSSH, PEM or PuTTY .ppk).",
                           hint="A public key (one line starting with ssh-rsa) cannot be used to connect.")
    key = _load_pem_or_openssh(data, passphrase, path, validate)
    comment = openssh.read_comment(data, passphrase) if openssh.BEGIN.encode() in data else ""
    return key, comment


def _parse_public_line(text: str, path: Path) -> KeyInfo:
    parts = text.strip().split(None, 2)
    if len(parts) < 2:
        raise KeyFileError(f"{path.name} is not a public key line.")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(f"{path.name}: the public key data is not valid base64.") from None
    if blob_key_type(blob) != parts[0]:
        raise KeyFileError(f"{path.name}: the key type does not match the key data.")
    comment = parts[2].strip() if len(parts) > 2 else ""
    return _info(path, "public", blob, comment, False, False, False)


def key_info(path: Path, passphrase: str | None = None) -> KeyInfo:
    """Describe a key file: public line and fingerprints.

    Public halves of .ppk and OpenSSH files are readable without the passphrase; with a
    passphrase the private half is opened too (and a .ppk's integrity check verified). An
    encrypted PEM key needs the passphrase (:class:`PassphraseNeeded`).
    """
    path = Path(path)
    data = _read(path)
    stripped = data.strip()
    if ppk.is_ppk(data):
        head = ppk.decode_ppk(data, public_only=True)
        if head.encrypted and not passphrase:
            return _info(path, "ppk", head.public_blob, head.comment, True, True, False)
        contents = ppk.decode_ppk(data, passphrase)
        _key_from_ppk(contents)
        return _info(path, "ppk", contents.public_blob, contents.comment, contents.encrypted, True, True)
    if stripped.startswith((b"ssh-", b"ecdsa-")) and b"\n" not in stripped:
        return _parse_public_line(stripped.decode("utf-8", "replace"), path)
    if openssh.BEGIN.encode() in data:
        try:
            blob = openssh.public_blob(data)
            encrypted = openssh.is_encrypted(data)
        except ValueError:
            raise KeyFileError(f"{path.name} is a damaged OpenSSH private key.") from None
        if encrypted and not passphrase:
            comment = _neighbour_comment(path, blob)
            return _info(path, "openssh", blob, comment, True, True, False)
        key, comment = load_private_key(path, passphrase)
        return _info(path, "openssh", _public_blob_of(key), comment, encrypted, True, True)
    if b"PRIVATE KEY-----" in data:
        encrypted = b"ENCRYPTED" in data
        key, comment = load_private_key(path, passphrase)
        return _info(path, "pem", _public_blob_of(key), _neighbour_comment(path, _public_blob_of(key)),
                     encrypted, True, True)
    raise KeyFileError(f"{path.name} is not a key file this console knows (OpenSSH, PEM, PuTTY .ppk or public key).")


def _neighbour_comment(path: Path, blob: bytes) -> str:
    """The comment of a matching public key saved next to the private one (id_rsa.pub or public.key)."""
    for candidate in (Path(str(path) + ".pub"), path.with_name(PUBLIC_NAME)):
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        parts = text.split(None, 2)
        if len(parts) == 3 and parts[1] == base64.b64encode(blob).decode("ascii"):
            return parts[2]
    return ""


def needs_passphrase(path: Path) -> bool:
    """Is this private key file encrypted? Cheap: reads headers only, never decrypts."""
    data = _read(Path(path))
    if ppk.is_ppk(data):
        return ppk.decode_ppk(data, public_only=True).encrypted
    if openssh.BEGIN.encode() in data:
        try:
            return openssh.is_encrypted(data)
        except ValueError:
            raise KeyFileError(f"{Path(path).name} is a damaged OpenSSH private key.") from None
    return b"ENCRYPTED" in data


def save_public_line(info: KeyInfo, out: Path) -> Path:
    """Write the one-line public key (e.g. as public.key, the name the broker expects)."""
    atomic_write_text(Path(out), info.public_line + "\n", mode=0o644)
    return Path(out)


def paramiko_key(path: Path, passphrase: str | None = None) -> Any:
    """A paramiko PKey for authentication, from any format we read (OpenSSH, PEM, .ppk)."""
    import io

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    from console.services.sftp import paramiko_ext

    paramiko = paramiko_ext.load()

    key, _comment = load_private_key(path, passphrase, validate=False)
    if isinstance(key, rsa.RSAPrivateKey):
        return paramiko.RSAKey(key=key)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return paramiko.ECDSAKey(vals=(key, key.public_key()))
    if isinstance(key, ed25519.Ed25519PrivateKey):
        text = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                 serialization.NoEncryption()).decode("ascii")
        return paramiko.Ed25519Key(file_obj=io.StringIO(text))
    raise KeyFileError(f"{Path(path).name} holds a key type that cannot be used for sFTP here.")
