"""Status-line decisions that real runs cannot always produce on demand (other gpg versions)."""

from __future__ import annotations

from console.services import gpg
from console.services.gpg.diagnose import explain_decrypt, explain_encrypt


def test_wrong_passphrase_wins_over_a_no_secret_key_line():
    # Some gpg versions end a wrong-passphrase attempt with NO_SECKEY as well.
    statuses = [("ENC_TO", "7ADFE06782E65F3F 18 0"), ("ERROR", "pkdecrypt_failed 67108875"),
                ("NO_SECKEY", "7ADFE06782E65F3F"), ("DECRYPTION_FAILED", "")]
    assert isinstance(explain_decrypt(statuses), gpg.BadPassphrase)
    assert isinstance(explain_decrypt([("BAD_PASSPHRASE", "7ADFE06782E65F3F")]), gpg.BadPassphrase)


def test_no_secret_key_without_any_passphrase_trouble():
    err = explain_decrypt([("ENC_TO", "AAAABBBBCCCCDDDD 1 0"), ("NO_SECKEY", "AAAABBBBCCCCDDDD"),
                           ("DECRYPTION_FAILED", "")])
    assert isinstance(err, gpg.NoSecretKey) and err.key_ids == ("AAAABBBBCCCCDDDD",)


def test_input_kinds():
    assert isinstance(explain_decrypt([("NODATA", "1"), ("NODATA", "2")]), gpg.NotEncrypted)
    assert isinstance(explain_decrypt([("ENC_TO", "AAAA 1 0"), ("BEGIN_DECRYPTION", ""), ("BADMDC", "")]),
                      gpg.CorruptInput)


def test_encrypt_reasons():
    assert isinstance(explain_encrypt([("INV_RECP", "10 ABC")]), gpg.UntrustedRecipient)
    assert isinstance(explain_encrypt([("INV_RECP", "4 ABC")]), gpg.KeyRevoked)
    assert isinstance(explain_encrypt([("INV_RECP", "5 ABC")]), gpg.KeyExpired)
    assert isinstance(explain_encrypt([("KEYEXPIRED", "1577923200"), ("INV_RECP", "0 ABC")]), gpg.KeyExpired)
    assert isinstance(explain_encrypt([("KEYREVOKED", ""), ("INV_RECP", "0 ABC")]), gpg.KeyRevoked)
    assert isinstance(explain_encrypt([("INV_RECP", "1 ABC")]), gpg.KeyNotFound)
