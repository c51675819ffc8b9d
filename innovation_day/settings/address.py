"""The site's address as people see it, and whether a build is a local preview.

`display_address` is the address as printed for people to read. And a build

whose site_url is a loopback or local address (127.0.0.0/8, ::1,
localhost, *.local, *.localhost, private and link-local ranges) makes print
files whose QR code opens nothing for anyone else: every print file and share
image is stamped STAMP (draw.Canvas), the kit page says so, and the deploy
refuses such an address (scripts/check_site_url.py). Plain functions, no MkDocs.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

STAMP = "BẢN XEM THỬ - KHÔNG IN"
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa")


def is_local_address(url: str) -> bool:
    """True when `url` points at this machine or a private network, not at the public web."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host:
        return False
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


def display_address(url: str) -> str:
    """The address as printed for people to read: without 'https://'."""
    return url[len("https://"):] if url.startswith("https://") else url
