"""The public news of every portal: section pages, article pages (print, save, share), feeds,
and the news blocks of the home page. It only reads the newsroom's published articles."""
