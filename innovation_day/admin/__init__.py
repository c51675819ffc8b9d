"""The editing app at /admin/ (Sveltia CMS): its configuration made from the content schema,
its files copied from node_modules, its page with its own Content-Security-Policy."""
