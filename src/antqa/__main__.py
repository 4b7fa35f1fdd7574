"""``python -m antqa`` runs the same command line as the ``antqa`` script."""

from antqa.cli import main

main()
