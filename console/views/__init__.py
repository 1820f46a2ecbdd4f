"""Qt views. Views talk to services only (no sqlalchemy, paramiko, gnupg, haralyzer or mss here)."""
