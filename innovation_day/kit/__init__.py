"""The communication kit: QR code, print files, words to read and post, calendar, share images."""
