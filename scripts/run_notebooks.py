"""Executes actlab's notebooks headless with the Java kernel; used by scripts/notebooks.

Usage: run_notebooks.py KERNEL_NAME HTML_DIR [--compare] NOTEBOOK...

Each notebook is executed top to bottom. Its executed copy replaces the file (written to a temporary
file and renamed, so an interrupted run loses nothing), and an HTML export goes to HTML_DIR. A cell that
raises makes the run fail (exit 1), with the cell and the error named. With --compare, every text output
must also equal the one committed before the run: a number that no longer comes out the same fails the
run, and so does a cell whose output changed (figures are compared by presence, not by pixels, since
font rasterisation differs between machines). A cell tagged "machine-dependent" (ND4J's rounding on
another CPU) must still run without error, but its text is not compared.

The Java kernel's start-up hangs now and then (a race inside rapaio-jupyter-kernel: every channel is
bound but the shell channel never handles a message; 14 of 77 starts here). A kernel that has not
answered within STARTUP_TIMEOUT seconds is killed and started again, up to STARTUP_TRIES times in all.
Only start-up is retried: a failing cell never is.
"""
import atexit
import copy
import os
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import coalesce_streams

# Measured on 2 cores over 77 kernel starts: 14 hung (18 %); every healthy one answered its first
# kernel_info request within 1 s. A hung start never recovers, so waiting 10 s is a 10x margin, and 8 tries
# leave a chance of about 0.18^8 = 1e-6 that a notebook cannot get a kernel at all.
STARTUP_TIMEOUT = 10   # seconds
STARTUP_TRIES = 8
CELL_TIMEOUT = 900     # seconds per cell; the longest cell (Theorem 3's rates) takes about a minute


def text_outputs(nb):
    """Per code cell: its text outputs (stream text and text/plain, text/latex, text/markdown) and whether it has a PNG."""
    result = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        png = False
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            elif out.get("output_type") in ("execute_result", "display_data"):
                data = out.get("data", {})
                png = png or "image/png" in data
                for mime in ("text/plain", "text/latex", "text/markdown"):
                    if mime in data:
                        texts.append(data[mime] if isinstance(data[mime], str) else "".join(data[mime]))
            elif out.get("output_type") == "error":
                texts.append("error: " + out.get("ename", ""))
        if "machine-dependent" in cell.get("metadata", {}).get("tags", []):
            texts = ["(machine-dependent: not compared)"]
        result.append(("".join(texts), png))
    return result


def execute(path, kernel):
    """Executes one notebook; returns the executed copy. Retries start-up only."""
    workdir = os.path.dirname(os.path.abspath(path))
    for attempt in range(1, STARTUP_TRIES + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel, timeout=CELL_TIMEOUT, startup_timeout=STARTUP_TIMEOUT,
                                allow_errors=False, resources={"metadata": {"path": workdir}})
        started = []
        client.on_cell_start = lambda cell, cell_index: started.append(cell_index)
        try:
            client.execute()
            return nb
        except CellExecutionError:
            raise
        except (RuntimeError, TimeoutError, DeadKernelError) as e:
            # nbclient already shut the kernel down; its exit hook for this client would fail on it
            atexit.unregister(client._cleanup_kernel)
            if started or attempt == STARTUP_TRIES:
                raise
            print(f"  the kernel did not start ({type(e).__name__}: {e}); "
                  f"restarting it (try {attempt + 1} of {STARTUP_TRIES})", flush=True)
    raise AssertionError("unreachable")


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        # mkstemp makes the file private; keep the mode the file had (or the umask's default for a new one)
        if os.path.exists(path):
            mode = os.stat(path).st_mode & 0o777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    kernel, html_dir = argv[0], argv[1]
    rest = argv[2:]
    compare = "--compare" in rest
    paths = [p for p in rest if p != "--compare"]
    os.makedirs(html_dir, exist_ok=True)
    failed = []
    for path in paths:
        name = os.path.basename(path)
        print(f"notebook {name}: running", flush=True)
        before = text_outputs(nbformat.read(path, as_version=4))
        try:
            nb = execute(path, kernel)
        except CellExecutionError as e:
            first = str(e).strip().splitlines()
            print(f"notebook {name}: FAILED, a cell raised:\n" + "\n".join("  " + line for line in first[-12:]), flush=True)
            failed.append(name)
            continue
        except Exception as e:
            print(f"notebook {name}: FAILED, {type(e).__name__}: {e}", flush=True)
            failed.append(name)
            continue
        # the Java kernel sends printed text in many small stream messages: one output per stream and cell
        nb, _ = coalesce_streams(nb, {})
        after = text_outputs(nb)
        if compare:
            changed = [i + 1 for i, (b, a) in enumerate(zip(before, after)) if b != a]
            if len(before) != len(after):
                changed.append("(number of code cells)")
            if changed:
                print(f"notebook {name}: FAILED, the outputs of code cells {changed} differ from the committed ones", flush=True)
                for i, (b, a) in enumerate(zip(before, after)):
                    if b != a:
                        print(f"  cell {i + 1} committed: {b[:400]!r}\n  cell {i + 1} now:       {a[:400]!r}", flush=True)
                        break
                failed.append(name)
                continue
        for cell in nb.cells:
            cell.get("metadata", {}).pop("execution", None)
        write_atomically(path, nbformat.writes(nb))
        html, _ = HTMLExporter().from_notebook_node(copy.deepcopy(nb))
        html_path = os.path.join(html_dir, os.path.splitext(name)[0] + ".html")
        write_atomically(html_path, html)
        print(f"notebook {name}: ok ({len(after)} code cells; HTML: {html_path})", flush=True)
    if failed:
        print(f"notebooks: {len(failed)} of {len(paths)} failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"notebooks: all {len(paths)} ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
