"""Share cards: what each page's 1200×630 preview says (`content`), and drawing it (`draw`, `brand`)."""
