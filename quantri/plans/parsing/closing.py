"""The end of a document: 'Nơi nhận:' with its list, and the signature block.

On paper the two sit side by side, so PDF text may interleave them line by line
('- UBND tỉnh; PHÓ GIÁM ĐỐC'); each recipient line is split where the signer text begins.
"""

import re

from .blocks import Block
from .lines import is_separator
from .model import Signer
from .text import fold, fold_key, is_caps, is_person_name, squash, strip_item_punctuation

_AUTHORITY = re.compile(r"^(?:kt|tm|tl|tuq|q|quyen)\s*[.:]?\s+\S")
_SIGNATURE_DEBRIS = re.compile(
    r"^\(?\s*(?:da ky|ky|ky ten|ky, ghi ro ho ten|ky ten, dong dau|ky va dong dau"
    r"|da ky va dong dau)[^)]*\)?$|^\(?\s*(?:dau|con dau)\s*\)?$"
)


def is_recipients_line(text: str) -> bool:
    return fold_key(text).startswith("noi nhan")


def _is_debris(text: str) -> bool:
    stripped = text.strip()
    folded = fold(stripped).strip()
    return (
        not stripped
        or is_separator(stripped)
        or bool(_SIGNATURE_DEBRIS.match(folded))
        or sum(c.isalpha() for c in stripped) <= 1
    )


def _is_authority(text: str) -> bool:
    return bool(_AUTHORITY.match(fold(text).strip())) and is_caps(text, 3)


def _is_signer_text(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    if is_caps(stripped, 3) and not stripped.endswith((";", ",")):
        return True
    return is_person_name(stripped) or _is_debris(stripped) or _is_authority(stripped)


def closing_start(blocks: list[Block], start: int, end: int) -> int | None:
    """Index where the closing begins within blocks[start:end], or None."""
    for index in range(start, end):
        block = blocks[index]
        if not block.is_row and is_recipients_line(block.text):
            return signature_start(blocks, start, index) or index
    return signature_start(blocks, start, end)


def signature_start(blocks: list[Block], start: int, end: int) -> int | None:
    """A signature block just before ``end``: a name, and above it the position in capitals
    (and maybe 'KT. GIÁM ĐỐC', '(Đã ký)'). Returns its first index."""
    lines = [(i, blocks[i]) for i in range(start, end) if not blocks[i].blank]
    while lines and _is_debris(lines[-1][1].text) and not lines[-1][1].is_row:
        lines.pop()
    if not lines or lines[-1][1].is_row or not is_person_name(lines[-1][1].text):
        return None
    first = None
    for index, block in reversed(lines[:-1][-6:]):
        text = block.text.strip()
        if block.is_row:
            break
        if _is_authority(text) or (is_caps(text, 3) and not text.endswith((".", ";", ":", ","))):
            first = index
        elif not _is_debris(text):
            break
    return first


def parse_closing(lines: list[str]) -> tuple[list[str], Signer]:
    recipients: list[str] = []
    signer_lines: list[str] = []
    open_item = False  # the last recipient has not ended with ';' or '.'
    for raw in lines:
        text = squash(raw)
        if not text:
            continue
        if is_recipients_line(text):
            text = text.split(":", 1)[1].strip() if ":" in text else ""
            if not text:
                continue
        if text.startswith(("-", "–", "+", "•")):
            item, rest = _split_recipient(text.lstrip("-–+• ").strip())
            recipients.append(item)
            open_item = not item.rstrip().endswith((";", "."))
            if rest:
                signer_lines.append(rest)
                open_item = False
        elif open_item and recipients and not _is_signer_text(text):
            recipients[-1] = f"{recipients[-1]} {text}"
            open_item = not text.endswith((";", "."))
        else:
            signer_lines.append(text)
    items = [strip_item_punctuation(r) for r in recipients]
    return [r for r in items if r], parse_signer(signer_lines)


def _split_recipient(text: str) -> tuple[str, str]:
    """'UBND tỉnh; PHÓ GIÁM ĐỐC' -> ('UBND tỉnh;', 'PHÓ GIÁM ĐỐC')."""
    for match in re.finditer(r"[;.]\s+", text):
        rest = text[match.end() :].strip()
        if rest and _is_signer_text(rest):
            return text[: match.start() + 1], rest
    return text, ""


# The bodies a 'TM.' (on behalf of) line names; a copy may break them ('TM. ỦY BAN' over
# 'NHÂN DÂN'), and the broken tail is not part of the position below.
_COLLECTIVE_BODIES = ("uy ban nhan dan", "hoi dong nhan dan", "ban thuong vu", "ban chap hanh")


def _rejoin_authority(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and _is_authority(out[-1]) and is_caps(line, 3):
            body = re.sub(r"^tm\s+", "", fold_key(out[-1]))
            joined = f"{body} {fold_key(line)}"
            if any(b != body and b.startswith(joined) for b in _COLLECTIVE_BODIES):
                out[-1] = f"{out[-1]} {line}"
                continue
        out.append(line)
    return out


def parse_signer(lines: list[str]) -> Signer:
    lines = _rejoin_authority([squash(line) for line in lines if not _is_debris(line)])
    name_at = next((i for i in range(len(lines) - 1, -1, -1) if is_person_name(lines[i])), None)
    if name_at is None:
        return Signer()
    above = [line for line in lines[:name_at] if is_caps(line, 3)]
    authority = [line for line in above if _is_authority(line)]
    last_authority = max((above.index(a) for a in authority), default=-1)
    position = above[last_authority + 1 :] or authority[-1:]
    return Signer(
        name=lines[name_at],
        position=squash(" ".join(position)) or None,
        authority=squash(" ".join(authority)) or None,
    )
