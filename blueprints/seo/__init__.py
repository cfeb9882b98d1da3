"""`sitemap.xml` and `robots.txt` of each portal."""
