#!/usr/bin/env python3
"""Writes the bad-input batch for tests/bad_input_test.sh into DIR.

Every file is generated here at test time (nothing binary is committed).
Good files: good.txt, page.html, crlf.txt, utf16.txt, invalid_utf8.txt,
bad_date.txt, absurd.txt (plus good records inside the .jsonl files).
Bad files: nul.txt, empty.txt, long_line.txt, deep.html, bomb.txt.gz,
bad_headers.warc, wrong_types.jsonl (some records), bad_date.jsonl (date).
"""
import gzip
import os
import sys

GOOD = ("KIRKUK, March 14 (Reuters) - Gunmen killed three guards at a "
        "checkpoint near Kirkuk on Sunday, police said.\n\n"
        "Two other guards were wounded in the attack, a police officer "
        "said.\n")


def write(d, name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def warc_record(fields, body):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields)
    return head.encode() + b"\r\n" + body + b"\r\n\r\n"


def bad_warc():
    html = (b"<html><body><p>Police arrested 40 protesters in Algiers "
            b"on Friday, witnesses said.</p></body></html>")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html)
    good = warc_record([("WARC-Type", "response"),
                        ("WARC-Target-URI", "https://news.example/algiers"),
                        ("Content-Type", "application/http; msgtype=response"),
                        ("Content-Length", str(len(http)))], http)
    # Record 2: Content-Length is not a number.
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\n"
           b"Content-Length: twelve\r\n\r\nxxxxxxxxxxxx\r\n\r\n")
    return good + bad


def main(d):
    write(d, "good.txt", GOOD)
    write(d, "page.html", "<html><head><title>Basra</title></head><body>"
          "<article><p>Two protesters were killed and 15 wounded when police "
          "fired live rounds in Basra on Tuesday, medics said.</p>"
          "</article></body></html>")
    write(d, "crlf.txt", GOOD.replace("\n", "\r\n"))
    write(d, "utf16.txt", b"\xff\xfe" + GOOD.replace(
        "Kirkuk", "K\u00eerk\u00fbk").encode("utf-16-le"))
    write(d, "invalid_utf8.txt", GOOD.encode().replace(b"Sunday",
                                                        b"Sun\xff\xfeday\xc0"))
    write(d, "nul.txt", b"Gunmen\0killed\0three\0" * 10)
    write(d, "empty.txt", b"")
    write(d, "long_line.txt", b"word " * (10 << 20))  # 50 MB, no newline
    write(d, "deep.html", "<html><body>" + "<div>" * 100000 + "deep" +
          "</div>" * 100000 + "</body></html>")
    write(d, "bomb.txt.gz", gzip.compress(b"\0" * (64 << 20), 9, mtime=0))
    write(d, "bad_headers.warc", bad_warc())
    write(d, "wrong_types.jsonl", "\n".join([
        '{"id":"jl-good","text":"Police arrested 12 demonstrators in Basra '
        'on Friday, witnesses said."}',
        '{"id":"jl-text-number","text":42}',
        '{"id":["jl-id-array"],"text":"an id must be a string"}',
        '{"id":"jl-date-number","text":"dated by a number","date":20200130}',
        '[1,2,3]',
        '{"id":"jl-truncated","text":"never closed',
    ]) + "\n")
    write(d, "bad_date.jsonl", '{"id":"jl-feb30","text":"Two people were '
          'killed in Mosul on Monday, police said.","date":"2020-02-30"}\n')
    write(d, "bad_date.txt", " date 2020-02-30\n" + GOOD)
    write(d, "absurd.txt", "MOSUL, June 2 (Reuters) - A car bomb killed "
          "1,000,000,000,000 people in Mosul on Tuesday, police said.\n")


if __name__ == "__main__":
    main(sys.argv[1])
