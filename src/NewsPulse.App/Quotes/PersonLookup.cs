using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Quotes;

/// <summary>The person a user means: by id, or by a name that must name exactly one person; otherwise why not, with the candidates.</summary>
public sealed record PersonMatch(PersonSummary? Person, string? Problem);

public sealed class PersonLookup(QuoteStore quotes)
{
    public async Task<PersonMatch> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        if (long.TryParse(nameOrId, out var id))
        {
            return await quotes.GetPersonAsync(id, cancellationToken) is { } byId ? new PersonMatch(byId, null) : new PersonMatch(null, $"no person {id}");
        }

        var matches = await quotes.FindPeopleAsync(nameOrId, cancellationToken);
        if (matches.Count == 1)
        {
            return new PersonMatch(matches[0], null);
        }

        if (matches.Count > 1)
        {
            return new PersonMatch(null, $"'{nameOrId}' names {matches.Count} people; give the id: " + string.Join("; ", matches.Select(Describe)));
        }

        // A part of a name ("Wang") stands for the one person whose name holds it; several such people must be told apart.
        var close = await quotes.SuggestPeopleAsync(nameOrId, 20, cancellationToken);
        var words = QuoteStore.NameKey(nameOrId).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var containing = close.Where(p => words.All(QuoteStore.NameKey(p.Name).Split(' ').Contains)).ToList();
        if (containing.Count == 1)
        {
            return new PersonMatch(containing[0], null);
        }

        if (containing.Count > 1)
        {
            return new PersonMatch(null, $"'{nameOrId}' names {containing.Count} people; give the id: " + string.Join("; ", containing.Select(Describe)));
        }

        close = [.. close.Take(5)];
        return new PersonMatch(null, close.Count == 0
            ? $"nobody called '{nameOrId}' has been quoted"
            : $"nobody called '{nameOrId}' has been quoted; close matches: " + string.Join("; ", close.Select(Describe)));
    }

    public static string Describe(PersonSummary person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var role = string.Join(", ", new[] { person.Title, person.Organisation }.Where(s => !string.IsNullOrEmpty(s)));
        return $"{person.Id} {person.Name}{(role.Length > 0 ? $" ({role})" : "")}, {person.Quotes} quotes";
    }
}
