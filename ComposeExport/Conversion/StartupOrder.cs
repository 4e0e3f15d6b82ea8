namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Turns "references" into a start order Compose can follow. Services may reference each other both
/// ways (a web front end and an API that calls back), but <c>depends_on</c> must not form a cycle, so
/// the edge that closes a cycle is left out and reported.
/// </summary>
internal static class StartupOrder
{
    public static Dictionary<string, List<string>> Resolve(
        IReadOnlyList<string> services,
        IReadOnlyDictionary<string, IReadOnlySet<string>> references,
        List<string> notes)
    {
        var order = services.ToDictionary(s => s, _ => new List<string>());
        var state = new Dictionary<string, bool>(); // false: being visited, true: done

        void Visit(string service)
        {
            state[service] = false;
            foreach (var dependency in references[service].Where(d => d != service).Order(StringComparer.Ordinal))
            {
                if (state.TryGetValue(dependency, out var done) && !done)
                {
                    notes.Add($"{service}: does not wait for {dependency}, which in turn waits for it (a cycle).");
                    continue;
                }

                order[service].Add(dependency);
                if (!state.ContainsKey(dependency))
                {
                    Visit(dependency);
                }
            }

            state[service] = true;
        }

        foreach (var service in services.Where(s => !state.ContainsKey(s)))
        {
            Visit(service);
        }

        return order;
    }
}
