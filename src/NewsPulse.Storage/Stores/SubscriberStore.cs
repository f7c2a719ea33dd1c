using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>What a subscriber follows and when they want their digest, as stored.</summary>
public sealed record SubscriberPreferences(
    string Email,
    string Locale,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Languages,
    int SendHour,
    string TimeZone,
    int MaxStories);

/// <summary>A subscriber as stored: their preferences, state and the version their links are signed with.</summary>
public sealed record Subscriber
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string Status { get; init; } = "";
    public string Locale { get; init; } = "en";
    public string[] Companies { get; init; } = [];
    public string[] Countries { get; init; } = [];
    public string[] Themes { get; init; } = [];
    public string[] People { get; init; } = [];
    public string[] Keywords { get; init; } = [];
    public string[] Languages { get; init; } = [];
    public int SendHour { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public int MaxStories { get; init; }
    public int TokenVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? UnsubscribedAt { get; init; }
    public string? LastError { get; init; }
}

/// <summary>How a subscription request went: a new or renewed pending subscription, or an address already confirmed.</summary>
public sealed record SubscribeOutcome(Subscriber Subscriber, bool AlreadyConfirmed);

/// <summary>Subscribers of the daily digest: double opt-in, preferences, unsubscribing, removal.</summary>
public sealed class SubscriberStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, email, status, locale, companies, countries, themes, people, keywords, languages, send_hour, time_zone, max_stories, " +
        "token_version, created_at, confirmed_at, unsubscribed_at, last_error";

    /// <summary>
    /// Records a request to subscribe. A new address, or one that is pending, unsubscribed or bounced, becomes pending
    /// with these preferences (waiting for its confirmation). A confirmed address is left exactly as it is: a request
    /// from anyone must not change what someone else receives.
    /// </summary>
    public async Task<SubscribeOutcome> SubscribeAsync(SubscriberPreferences preferences, bool confirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<Subscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE email_key = lower(@Email)", preferences, cancellationToken: cancellationToken));
        if (existing is { Status: "confirmed" })
        {
            return new SubscribeOutcome(existing, AlreadyConfirmed: true);
        }

        var stored = await connection.QuerySingleAsync<Subscriber>(new CommandDefinition(
            $"""
            INSERT INTO subscribers (email, email_key, status, locale, companies, countries, themes, people, keywords, languages, send_hour, time_zone, max_stories, confirmed_at)
            VALUES (@Email, lower(@Email), @status, @Locale, @Companies, @Countries, @Themes, @People, @Keywords, @Languages, @SendHour, @TimeZone, @MaxStories,
                    CASE WHEN @confirmed THEN now() END)
            ON CONFLICT (email_key) DO UPDATE SET
                email = excluded.email, status = excluded.status, locale = excluded.locale, companies = excluded.companies,
                countries = excluded.countries, themes = excluded.themes, people = excluded.people, keywords = excluded.keywords,
                languages = excluded.languages, send_hour = excluded.send_hour, time_zone = excluded.time_zone,
                max_stories = excluded.max_stories, confirmed_at = excluded.confirmed_at, unsubscribed_at = NULL, last_error = NULL
            WHERE subscribers.status <> 'confirmed'
            RETURNING {Columns}
            """,
            Parameters(preferences, new { status = confirmed ? "confirmed" : "pending", confirmed }),
            cancellationToken: cancellationToken));
        return new SubscribeOutcome(stored, AlreadyConfirmed: false);
    }

    public async Task<Subscriber?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Subscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<Subscriber?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Subscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE email_key = lower(@email)", new { email }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Subscriber>> ListAsync(string? status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Subscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE @status::text IS NULL OR status = @status ORDER BY id", new { status }, cancellationToken: cancellationToken))];
    }

    /// <summary>Confirms a pending subscription whose link carries this token version; true when it is (now) confirmed.</summary>
    public Task<Subscriber?> ConfirmAsync(long id, int tokenVersion, CancellationToken cancellationToken) =>
        UpdateAsync(
            "status = 'confirmed', confirmed_at = coalesce(confirmed_at, now())",
            "status IN ('pending', 'confirmed')",
            id,
            tokenVersion,
            null,
            cancellationToken);

    /// <summary>Stops every digest to this subscriber at once; their links keep working to subscribe again.</summary>
    public Task<Subscriber?> UnsubscribeAsync(long id, int tokenVersion, CancellationToken cancellationToken) =>
        UpdateAsync("status = 'unsubscribed', unsubscribed_at = coalesce(unsubscribed_at, now())", "true", id, tokenVersion, null, cancellationToken);

    public Task<Subscriber?> UpdatePreferencesAsync(long id, int tokenVersion, SubscriberPreferences preferences, CancellationToken cancellationToken) =>
        UpdateAsync(
            "locale = @Locale, companies = @Companies, countries = @Countries, themes = @Themes, people = @People, keywords = @Keywords, " +
            "languages = @Languages, send_hour = @SendHour, time_zone = @TimeZone, max_stories = @MaxStories",
            "true",
            id,
            tokenVersion,
            preferences,
            cancellationToken);

    /// <summary>A permanent SMTP refusal: the address gets nothing more until it subscribes again.</summary>
    public async Task MarkBouncedAsync(long id, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = 'bounced', last_error = @error WHERE id = @id", new { id, error }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes a subscriber and their delivery history; true when there was one.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM subscribers WHERE email_key = lower(@email)", new { email }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<Subscriber?> UpdateAsync(
        string set, string allowedWhen, long id, int tokenVersion, SubscriberPreferences? preferences, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var identity = new { id, tokenVersion };
        return await connection.QuerySingleOrDefaultAsync<Subscriber>(new CommandDefinition(
            $"UPDATE subscribers SET {set} WHERE id = @id AND token_version = @tokenVersion AND {allowedWhen} RETURNING {Columns}",
            preferences is null ? identity : Parameters(preferences, identity),
            cancellationToken: cancellationToken));
    }

    private static DynamicParameters Parameters(SubscriberPreferences preferences, object extra)
    {
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new
        {
            preferences.Email,
            preferences.Locale,
            Companies = preferences.Companies.ToArray(),
            Countries = preferences.Countries.ToArray(),
            Themes = preferences.Themes.ToArray(),
            People = preferences.People.ToArray(),
            Keywords = preferences.Keywords.ToArray(),
            Languages = preferences.Languages.ToArray(),
            preferences.SendHour,
            preferences.TimeZone,
            preferences.MaxStories,
        });
        return parameters;
    }
}
