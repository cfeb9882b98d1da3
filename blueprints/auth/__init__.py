"""Sign-in, sign-out and password reset, per portal (`/login`, `/en/login`)."""
