"""Reading what the review pages' forms send."""


def reach_targets_from(formdata, groupings):
    """({(grouping key, value): target}, [the groups whose box holds no whole number]) from
    the reach form's ``target:<grouping key>:<value>`` boxes; an empty box sets no target."""
    targets, problems = {}, []
    for grouping in groupings:
        for value in grouping.values:
            given = formdata.get(f"target:{grouping.key}:{value}", "").strip()
            if not given:
                continue
            if not given.isdigit() or len(given) > 7:
                problems.append(f"{grouping.title}: {grouping.labels[value]}")
                continue
            targets[(grouping.key, str(value))] = int(given)
    return targets, problems
