"""Wat wil wie?: verifiable, quote-based election comparison sites from YAML.

The pipeline, one module per stage (`build.generate` runs them in order):

    load       site-data/ YAML and source texts → typed models, with file and line  (yamlfile, models, messages)
    validate   references, ids, topics, stemhulp positions                          (validate, stemhulp.balance)
    locate     every quote in its source: page, section, paragraph                  (locate, quotes/)
    history    what changed after publication, from the data's git history          (history)
    plan       the views and the complete list of pages, from one URL scheme        (plan, views, urls)
    render     Jinja templates → Markdown, the open data and the changes feed       (render, opendata, feed, escape, dutch)
    cards      a share image per page                                               (sharecards/)
    build      write content/, then the engine builds site/                         (build, engine/)

`settings` reads mkdocs.yml once; `cli` is the command line. The editors'
tools (quote finder, scaffold, schemas, GitHub summaries) are in `editor/`, and
the pipeline never imports them. `problems.Problem` is the one error type.
"""
