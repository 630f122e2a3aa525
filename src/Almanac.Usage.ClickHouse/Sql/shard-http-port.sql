-- One shard's HTTP port, read from its macros through the native port the cluster names.
SELECT substitution AS http_port
FROM remote({address}, system.macros)
WHERE macro = 'http_port'
