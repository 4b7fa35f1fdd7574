"""The Discord adapter (an adapter like :mod:`antqa.api`: it may import discord.py).

- :mod:`antqa.bots.discord_bot`: the bot, ``create_bot(service)``, ``run_discord``;
- :mod:`antqa.bots.discord_format`: answers as embeds within Discord's limits.

It lives inside the ``antqa`` package so the wheel installs no generic top-level ``bots``
package; the repository's ``bots/`` folder is the bot's entry point
(``python bots/discord_bot.py``, the same as ``antqa discord``).
"""
