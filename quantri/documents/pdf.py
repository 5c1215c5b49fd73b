"""DOCX → PDF through LibreOffice, when it is installed. Plain Python, no Django.

Each conversion runs in its own temporary directory with its own LibreOffice profile
(-env:UserInstallation): two conversions sharing the default profile lock each other out, and
the second one silently produces nothing.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

PROGRAMS = ("soffice", "libreoffice")


class PdfConversionError(RuntimeError):
    """LibreOffice is missing, failed, or took longer than allowed."""


def soffice_path() -> str | None:
    """The LibreOffice program on PATH, or None when it is not installed."""
    return next((found for name in PROGRAMS if (found := shutil.which(name))), None)


def docx_to_pdf(content: bytes, timeout: float = 60) -> bytes:
    """The PDF of a .docx given as bytes; PdfConversionError with the reason otherwise."""
    program = soffice_path()
    if program is None:
        raise PdfConversionError("LibreOffice (soffice) is not installed.")
    with tempfile.TemporaryDirectory(prefix="quantri-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(content)
        _run(_command(program, work, source), timeout)
        target = work / "document.pdf"
        if not target.is_file() or target.stat().st_size == 0:
            raise PdfConversionError("LibreOffice produced no PDF (is the .docx damaged?).")
        return target.read_bytes()


def _command(program: str, work: Path, source: Path) -> list[str]:
    return [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(source),
    ]


def _run(command: list[str], timeout: float) -> None:
    # A new session lets a timeout end LibreOffice and the helper processes it starts.
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=os.environ | {"HOME": str(Path(command[-1]).parent)},
    )
    try:
        _, error = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfConversionError(
            f"LibreOffice did not finish the PDF within {timeout:g} seconds."
        ) from None
    if process.returncode != 0:
        message = error.decode("utf-8", "replace").strip() or f"exit code {process.returncode}"
        raise PdfConversionError(f"LibreOffice could not convert the document: {message}")
