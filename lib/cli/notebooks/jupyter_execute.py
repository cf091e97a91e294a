"""Executes one notebook through a real Jupyter kernel (nbclient) and writes a JSON result.

usage: /usr/bin/python3 jupyter_execute.py NOTEBOOK.ipynb RESULT.json [TIMEOUT_S]
The result holds the executed notebook and, if a cell failed, its index and the kernel's
stderr for that cell (tslab sends no traceback in its error reply).
"""
import json
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError


def main():
    path, out = sys.argv[1], sys.argv[2]
    timeout = int(sys.argv[3]) if len(sys.argv) > 3 else 900
    nb = nbformat.read(path, as_version=4)
    current = {"index": None}

    def on_cell_execute(cell, cell_index, **kwargs):
        current["index"] = cell_index

    client = NotebookClient(
        nb,
        kernel_name="tslab",
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        on_cell_execute=on_cell_execute,
    )
    failure = None
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError) as e:
        i = current["index"]
        cell = nb.cells[i] if i is not None else None
        stderr = ""
        if cell is not None:
            stderr = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")
        failure = {
            "cellIndex": i,
            "firstLine": (cell.source.split("\n")[0] if cell is not None else ""),
            "message": stderr.strip() or str(e).strip().split("\n")[-1],
        }
    with open(out, "w") as f:
        json.dump({"notebook": nb, "failure": failure}, f)


if __name__ == "__main__":
    main()
