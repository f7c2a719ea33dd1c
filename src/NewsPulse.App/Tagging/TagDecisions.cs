using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Tagging;

/// <summary>The outcome of an analyst's decision: stored (with the value as stored), or why not and which field (kind or value) was wrong.</summary>
public sealed record TagDecision(bool Stored, string? Kind, string? Value, string? Error, bool ArticleMissing, string? Field = null);

/// <summary>
/// Analysts adding or removing a tag on an article (CLI and HTTP API): the value is checked against the knowledge
/// files and stored canonical; the decision outranks the model's tag and is a label for the next training.
/// </summary>
public sealed class TagDecisions(TagStore tags, TimeProvider time)
{
    public async Task<TagDecision> DecideAsync(long articleId, string? kindName, string? input, bool present, string? analyst, CancellationToken cancellationToken)
    {
        if (TagKinds.Parse(kindName) is not { } kind)
        {
            return Refused("kind", $"unknown tag kind '{kindName}': use company, country or theme");
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            return Refused("value", $"no {kind.Name()} given");
        }

        if (TagVocabulary.BuiltIn.Resolve(kind, input) is not { } value)
        {
            return Refused("value", kind switch
            {
                TagKind.Company => $"'{input}' is not a company of the knowledge files (src/NewsPulse.Tagging/Knowledge/companies-*.jsonl); use its name or an alias",
                TagKind.Country => $"'{input}' is not a country: use an ISO 3166-1 alpha-2 code (FR) or a name (France, Allemagne)",
                _ => $"'{input}' is not a theme: use one of {string.Join(", ", Themes.All)}",
            });
        }

        var author = string.IsNullOrWhiteSpace(analyst) ? null : analyst.Trim();
        return await tags.DecideAsync(articleId, kind.Name(), value, present, author, time.GetUtcNow(), cancellationToken)
            ? new TagDecision(true, kind.Name(), value, null, false)
            : new TagDecision(false, kind.Name(), value, $"no article {articleId}", true);
    }

    private static TagDecision Refused(string field, string error) => new(false, null, null, error, false, field);
}
