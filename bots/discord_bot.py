"""Run the Discord bot: ``python bots/discord_bot.py`` is ``antqa discord``.

The adapter's code is :mod:`antqa.bots` (``src/antqa/bots/``): inside the ``antqa``
package, the wheel installs it without claiming a generic top-level name like ``bots``.
This folder stays where the project layout puts the bot, as its entry point.
"""

import sys

from antqa.cli import main

if __name__ == "__main__":
    sys.argv[1:] = ["discord"]
    main()
