using System.Text;
using System.Text.RegularExpressions;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Replaces every <c>{resource.property}</c> in manifest strings, through any depth of references,
/// with what it means inside the Compose network.
/// </summary>
internal sealed partial class ExpressionResolver(
    AspireManifest manifest,
    EndpointPlan endpoints,
    ParameterStore parameters,
    IReadOnlyDictionary<string, string> serviceNames,
    IReadOnlyDictionary<string, string> skipped)
{
    private readonly Dictionary<string, ResolvedValue> resolved = new(StringComparer.Ordinal);

    // The chain of properties being resolved right now, to name a cycle instead of recursing forever.
    private readonly List<string> inProgress = [];

    /// <summary>
    /// Resolves <paramref name="template"/>; <paramref name="owner"/> names where it comes from in errors.
    /// In a connection string, a value that fills a whole <c>key=value</c> pair is quoted as the grammar needs.
    /// A template written as <c>key=value;…</c> pairs is a connection string too, wherever it is written,
    /// so a password spliced into an environment value cannot end its pair early either.
    /// </summary>
    public ResolvedValue Resolve(string template, string owner, bool isConnectionString = false)
    {
        var matches = Reference().Matches(template);
        if (matches.Count == 0)
        {
            return ResolvedValue.Literal(template);
        }

        isConnectionString |= ConnectionStrings.IsPairList(Reference().Replace(template, "x"));

        var text = new StringBuilder();
        var parts = new List<ResolvedValue>();
        var embedded = new List<(string Key, ResolvedValue Value, string Resource)>();
        var position = 0;

        // The literal text since the last ';' while no reference came in between: the key of a pair.
        string? pairSoFar = "";
        foreach (Match match in matches)
        {
            var literal = template[position..match.Index];
            text.Append(literal);
            var separator = literal.LastIndexOf(';');
            pairSoFar = separator >= 0 ? literal[(separator + 1)..] : pairSoFar is null ? null : pairSoFar + literal;

            var (resource, property) = (match.Groups["resource"].Value, match.Groups["property"].Value);
            var value = ResolveProperty(resource, property, owner);
            parts.Add(value);
            position = match.Index + match.Length;

            // A nested connection string is already in the grammar; only plain values need placing.
            if (!isConnectionString || property == "connectionString")
            {
                text.Append(value.Text);
            }
            else if (PairKey(pairSoFar, template, position) is { } key)
            {
                text.Append(ConnectionStrings.Quote(value.Text));
                embedded.Add((key, value, resource));
            }
            else if (ConnectionStrings.CouldBreakOut(value.Text))
            {
                throw new ComposeExportException(
                    $"{Describe(value, resource)} cannot be placed inside the connection string of '{owner}': "
                    + "it holds characters of the connection string syntax and is not a whole key=value pair.");
            }
            else
            {
                text.Append(value.Text);
            }

            pairSoFar = null;
        }

        text.Append(template[position..]);
        var result = text.ToString();
        foreach (var (key, value, resource) in embedded.Where(
                     e => !ConnectionStrings.RoundTrips(result, e.Key, e.Value.Text)))
        {
            throw new ComposeExportException(
                $"{Describe(value, resource)} cannot be carried exactly in the connection string of '{owner}' "
                + $"(its {key}= would parse differently); change the value.");
        }

        var whole = matches is [var only] && only.Length == template.Length && parts[0].WholeSecret is { } secret
            && result == parts[0].Text
            ? secret
            : null;

        return ResolvedValue.Combine(result, parts) with { WholeSecret = whole };
    }

    private ResolvedValue ResolveProperty(string resourceName, string property, string owner)
    {
        var key = $"{resourceName}.{property}";
        if (resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        if (inProgress.IndexOf(key) is var start and >= 0)
        {
            throw new ComposeExportException(
                $"Cycle in references: {string.Join(" -> ", inProgress.Skip(start).Append(key))}.");
        }

        if (skipped.TryGetValue(resourceName, out var skippedType))
        {
            throw new ComposeExportException(
                $"'{owner}' references '{{{key}}}', "
                + $"but resource '{resourceName}' of type '{skippedType}' was skipped.");
        }

        if (!manifest.Resources.TryGetValue(resourceName, out var resource))
        {
            throw new ComposeExportException(
                $"'{owner}' references '{{{key}}}', but the manifest has no resource '{resourceName}'.");
        }

        inProgress.Add(key);
        var value = Compute(resourceName, resource, property, owner);
        inProgress.RemoveAt(inProgress.Count - 1);
        resolved[key] = value;

        return value;
    }

    private ResolvedValue Compute(string name, ManifestResource resource, string property, string owner)
    {
        var key = $"{name}.{property}";
        var path = property.Split('.');
        switch (path)
        {
            case ["connectionString"] when resource.ConnectionString is { } connectionString:
                var value = Resolve(connectionString, key, isConnectionString: true);

                return serviceNames.TryGetValue(name, out var service)
                    ? value with { Services = value.Services.Add(service) }
                    : value;

            case ["value"] when resource.Type == "parameter.v0" && resource.Value is { } parameterValue:
                return Resolve(parameterValue, key);

            case ["value"] when resource.Type == "annotated.string" && resource.Value is { } annotated:
                return ApplyFilter(name, resource.Filter, Resolve(annotated, key));

            case ["inputs", var input] when resource.Inputs?.GetValueOrDefault(input) is { } definition:
                return parameters.Get(name, input, definition);

            case ["bindings", var binding, var part] when serviceNames.ContainsKey(name):
                return ResolveEndpoint(name, binding, part, owner);

            default:
                throw new ComposeExportException(
                    $"'{owner}' references '{{{key}}}', but resource '{name}' of type '{resource.Type}' "
                    + $"has no property '{property}'.");
        }
    }

    private ResolvedValue ResolveEndpoint(string resource, string binding, string part, string owner)
    {
        var (endpoint, fellBack) = endpoints.Find(resource, binding);
        var text = part switch
        {
            "url" => endpoint.Url,
            "host" or "hostname" => endpoint.Service,
            "port" or "targetPort" => endpoint.TargetPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "scheme" => endpoint.Scheme,
            _ => throw new ComposeExportException(
                $"'{owner}' references '{{{resource}.bindings.{binding}.{part}}}', "
                + $"but a binding has no property '{part}'."),
        };

        return ResolvedValue.Literal(text) with { Services = [endpoint.Service], UsedDroppedEndpoint = fellBack };
    }

    private static ResolvedValue ApplyFilter(string name, string? filter, ResolvedValue value) => filter switch
    {
        // EscapeDataString keeps exactly RFC 3986's unreserved characters and percent-encodes the rest
        // as UTF-8, so '%41' in a password stays '%41' once a URI parser decodes it.
        "uri" => value with { Text = Uri.EscapeDataString(value.Text), WholeSecret = null },
        _ => throw new ComposeExportException($"Resource '{name}' has the unknown filter '{filter}'."),
    };

    private static string Describe(ResolvedValue value, string fallback) =>
        value.Secrets.IsEmpty ? $"The value of '{fallback}'" : $"The value of parameter {value.SecretParameterNames}";

    /// <summary>The key when the reference just ended at <paramref name="position"/> fills a whole pair.</summary>
    private static string? PairKey(string? pairSoFar, string template, int position)
    {
        var endsPair = position == template.Length || template[position] == ';';
        var key = pairSoFar is null ? null : PairPrefix().Match(pairSoFar);

        return endsPair && key is { Success: true } ? key.Groups["key"].Value : null;
    }

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9][A-Za-z0-9_-]*)\.(?<property>[A-Za-z0-9_.-]+)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z][A-Za-z0-9 _]*?)\s*=$")]
    private static partial Regex PairPrefix();
}
