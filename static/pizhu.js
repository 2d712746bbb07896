// Pizhu reader script: small, vanilla, deferred. Notes stay readable without it (endnotes).
