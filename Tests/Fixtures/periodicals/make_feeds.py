import sys
PORT = sys.argv[2] if len(sys.argv) > 2 else '8765'
import email.utils, datetime
def item(title, author, link, date, summary, body):
    return f"""<item><title>{title}</title><link>{link}</link><guid>{link}</guid>
<dc:creator>{author}</dc:creator><pubDate>{email.utils.format_datetime(date)}</pubDate>
<description><![CDATA[{summary}]]></description>
<content:encoded><![CDATA[{body}]]></content:encoded></item>"""
def feed(title, items):
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{title}</title><link>http://127.0.0.1:{PORT}/</link><description>{title} of the Gazette</description>
{''.join(items)}</channel></rss>"""
now = datetime.datetime(2026,12,4,6,0,tzinfo=datetime.timezone.utc)
world = [
 item("Harbour cranes return to the old port", "Marta Bianchi", f"http://127.0.0.1:{PORT}/world/cranes.html", now - datetime.timedelta(hours=3),
  "After twelve years the cranes are back.",
  "<p>After twelve years of silence the cranes are back on the old port's quay, lifting containers for the first ships of the winter season.</p><p>Dockworkers gathered at dawn to watch the first lift.</p><h3>A long wait</h3><p>The port closed in 2014 when the shipping line moved south.</p>"),
 item("Rivers rise across the northern plain", "Jonas Weber", f"http://127.0.0.1:{PORT}/world/rivers.html", now - datetime.timedelta(hours=5),
  "Three days of rain swelled every river.",
  "<p>Three days of steady rain swelled every river of the northern plain, and villages along the banks moved their livestock to higher ground.</p><blockquote><p>We have seen worse, but not in December.</p></blockquote><p>Forecasters expect the rain to ease by Sunday.</p>"),
 item("A library opens in the lighthouse", "Aiko Tanaka", f"http://127.0.0.1:{PORT}/world/lighthouse.html", now - datetime.timedelta(hours=9),
  "Books where the lamp used to be.",
  "<p>The decommissioned lighthouse on the point now holds four thousand books on seven floors, one subject to a floor.</p><ul><li>Ground floor: maps and charts</li><li>Top floor: poetry</li></ul>"),
]
culture = [
 item("The orchestra plays the whole cycle in one night", "Luca Romano", f"http://127.0.0.1:{PORT}/culture/cycle.html", now - datetime.timedelta(hours=2),
  "Nine symphonies, fourteen hours.",
  "<p>Nine symphonies in fourteen hours: the city orchestra played the whole cycle from dusk until morning, with soup served at the intervals.</p><p>The last chord sounded at ten past eight.</p>"),
 item("Why we still print crossword puzzles", "Ada Lovelace", f"http://127.0.0.1:{PORT}/culture/crosswords.html", now - datetime.timedelta(hours=7),
  "A defence of paper puzzles.",
  "<p>Every morning forty thousand readers reach for a pencil before they reach for their coffee.</p><p>The puzzle editor explains why the grid will stay on paper.</p>"),
]
open(sys.argv[1] + "/world.xml","w").write(feed("World", world))
open(sys.argv[1] + "/culture.xml","w").write(feed("Culture", culture))
