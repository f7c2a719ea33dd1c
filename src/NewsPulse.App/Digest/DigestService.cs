using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Telemetry;
using NewsPulse.Digest;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Digest;

/// <summary>How a planning pass went: digests put in the outbox, subscribers skipped (nothing matched), time spent composing.</summary>
public sealed record DigestPlanSummary(int Composed, int Skipped, int AlreadyDone, TimeSpan Elapsed);

/// <summary>How a sending pass went.</summary>
public sealed record DigestSendSummary(int Sent, int Retrying, int Failed, TimeSpan Elapsed);

/// <summary>What became of one digest in a sending pass.</summary>
internal enum SendOutcome
{
    Sent,
    Retrying,
    Failed,
}

/// <summary>
/// The digest's life: compose each due subscriber's digest into the outbox (<see cref="PlanAsync"/>), then send what
/// the outbox holds (<see cref="SendDueAsync"/>). The outbox row, unique per subscriber and local date and holding
/// the exact message with its Message-ID, is what makes a digest go out once in effect: a crash after SMTP accepted a
/// message but before it was marked sent resends the same bytes with the same Message-ID, which receivers treat as one
/// message, and never a second digest.
/// </summary>
public sealed class DigestService(
    SubscriberStore subscribers,
    DigestStore store,
    LinkTokens tokens,
    MailTransport transport,
    PipelineMetrics metrics,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    private const int ClaimBatch = 100;
    private const int OutboxBatch = 500;

    /// <summary>Where every link of an email starts.</summary>
    private string Site => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>
    /// Composes the digest of every confirmed subscriber whose local send hour has come today (all of them with
    /// <paramref name="ignoreSendHour"/>) and who has none yet for their local date, and adds it to the outbox.
    /// </summary>
    /// <param name="ignoreSendHour">Compose for every confirmed subscriber now, whatever their send hour (`digest send --now`).</param>
    /// <param name="date">A local date to compose for instead of today (its window ends at the subscriber's send hour that day).</param>
    /// <param name="cancellationToken">Stops the pass; digests already in the outbox stay there.</param>
    public async Task<DigestPlanSummary> PlanAsync(bool ignoreSendHour, DateOnly? date, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var due = new Dictionary<long, (Subscriber Subscriber, DateOnly Date, DateTimeOffset WindowEnd)>();
        foreach (var subscriber in await subscribers.ListAsync("confirmed", cancellationToken))
        {
            if (Due(subscriber, now, ignoreSendHour, date) is { } when)
            {
                due[subscriber.Id] = (subscriber, when.Date, when.WindowEnd);
            }
        }

        var done = await store.WithDigestAsync(due.ToDictionary(d => d.Key, d => d.Value.Date), cancellationToken);
        var pending = due.Values.Where(d => !done.Contains(d.Subscriber.Id)).ToList();
        int composed = 0, skipped = 0;
        var window = TimeSpan.FromHours(options.Value.WindowHours);

        // Subscribers sending at the same moment share one read of the window, keyed once for all of them.
        foreach (var group in pending.GroupBy(d => d.WindowEnd))
        {
            var stories = ToDigestWindow(await store.WindowAsync(group.Key - window, group.Key, cancellationToken));
            var deliveries = new List<ComposedDelivery>();
            foreach (var (subscriber, localDate, _) in group)
            {
                // Storing as we go keeps only one batch of messages in memory, and what is stored is kept if the pass stops.
                if (deliveries.Count == OutboxBatch)
                {
                    await store.AddAsync(deliveries, cancellationToken);
                    deliveries.Clear();
                }

                var composing = time.GetTimestamp();
                var digest = DigestComposer.Compose(stories, Preferences(subscriber), localDate);
                var messageId = MessageId(subscriber.Id, localDate);
                if (digest is null && options.Value.SkipEmpty)
                {
                    deliveries.Add(new ComposedDelivery(subscriber.Id, localDate, messageId, null, 0));
                    metrics.DigestComposed("skipped", time.GetElapsedTime(composing));
                    skipped++;
                    continue;
                }

                var (_, message) = Build(subscriber, digest ?? DigestComposer.Empty(Preferences(subscriber), localDate), messageId, now);
                using var bytes = new MemoryStream();
                await message.WriteToAsync(bytes, cancellationToken);
                deliveries.Add(new ComposedDelivery(subscriber.Id, localDate, messageId, bytes.ToArray(), digest?.Entries.Count ?? 0));
                metrics.DigestComposed("composed", time.GetElapsedTime(composing));
                composed++;
            }

            await store.AddAsync(deliveries, cancellationToken);
        }

        var summary = new DigestPlanSummary(composed, skipped, due.Count - pending.Count, time.GetElapsedTime(started));
        logger.LogInformation("Digests composed: {Composed}, skipped (nothing matched): {Skipped}, already done: {Done}", summary.Composed, summary.Skipped, summary.AlreadyDone);
        return summary;
    }

    /// <summary>Sends every digest the outbox holds that is due, <see cref="DigestOptions.SendConcurrency"/> at a time.</summary>
    public async Task<DigestSendSummary> SendDueAsync(IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var counter = new SendProgress(progress, await store.CountDueAsync(time.GetUtcNow(), cancellationToken));
        int sent = 0, retrying = 0, failed = 0;
        while (true)
        {
            var batch = await store.ClaimAsync(ClaimBatch, TimeSpan.FromSeconds(options.Value.SendLeaseSeconds), time.GetUtcNow(), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var parts = batch.Chunk((batch.Count + options.Value.SendConcurrency - 1) / options.Value.SendConcurrency);
            var outcomes = await Task.WhenAll(parts.Select(part => SendPartAsync(part, counter, cancellationToken)));
            foreach (var outcome in outcomes.SelectMany(o => o))
            {
                _ = outcome switch
                {
                    SendOutcome.Sent => ++sent,
                    SendOutcome.Retrying => ++retrying,
                    _ => ++failed,
                };
            }
        }

        return new DigestSendSummary(sent, retrying, failed, time.GetElapsedTime(started));
    }

    /// <summary>Composes one subscriber's digest for a date without storing or sending it (what `digest preview` shows).</summary>
    public async Task<(Subscriber Subscriber, RenderedDigest? Rendered, MimeMessage? Message)> PreviewAsync(Subscriber subscriber, DateOnly? date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var now = time.GetUtcNow();
        var when = Due(subscriber, now, ignoreSendHour: true, date)!.Value;
        var stories = ToDigestWindow(await store.WindowAsync(when.WindowEnd - TimeSpan.FromHours(options.Value.WindowHours), when.WindowEnd, cancellationToken));
        if (DigestComposer.Compose(stories, Preferences(subscriber), when.Date) is not { } digest)
        {
            return (subscriber, null, null);
        }

        var (rendered, message) = Build(subscriber, digest, MessageId(subscriber.Id, when.Date), now);
        return (subscriber, rendered, message);
    }

    /// <summary>The links every email carries: preferences and one-click unsubscribe, signed for this subscriber.</summary>
    public DigestLinks Links(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new DigestLinks(
            $"{Site}/subscriptions/manage?token={tokens.Create(LinkPurpose.Manage, subscriber.Id, subscriber.TokenVersion)}",
            $"{Site}/subscriptions/unsubscribe?token={tokens.Create(LinkPurpose.Unsubscribe, subscriber.Id, subscriber.TokenVersion)}",
            Site);
    }

    /// <summary>Sends the confirmation email of a pending subscription (or, to a confirmed one, a link to their preferences).</summary>
    public async Task SendConfirmationAsync(Subscriber subscriber, bool alreadyConfirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var url = alreadyConfirmed
            ? Links(subscriber).ManageUrl
            : $"{Site}/subscriptions/confirm?token={tokens.Create(LinkPurpose.Confirm, subscriber.Id, subscriber.TokenVersion, TimeSpan.FromHours(options.Value.ConfirmationHours))}";
        var message = ConfirmationMessage.Build(subscriber.Locale, url, transport.From, MailboxAddress.Parse(subscriber.Email), MessageId(subscriber.Id, null), time.GetUtcNow());
        await using var session = await transport.OpenAsync(cancellationToken);
        await session.SendAsync(message, cancellationToken);
        logger.LogInformation("Confirmation email for subscriber {SubscriberId} handed to {Destination}", subscriber.Id, transport.Destination);
    }

    /// <summary>One SMTP connection's share of a batch, in order; a refused message or connection starts the next one afresh.</summary>
    private async Task<List<SendOutcome>> SendPartAsync(DigestDelivery[] part, SendProgress progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<SendOutcome>();
        IMailSession? session = null;
        try
        {
            foreach (var delivery in part)
            {
                var sending = time.GetTimestamp();
                SendOutcome outcome;
                try
                {
                    session ??= await transport.OpenAsync(cancellationToken);
                    using var bytes = new MemoryStream(delivery.Message);
                    await session.SendAsync(await MimeMessage.LoadAsync(bytes, cancellationToken), cancellationToken);
                    await store.MarkSentAsync(delivery.Id, time.GetUtcNow(), cancellationToken);
                    outcome = SendOutcome.Sent;
                }
                catch (MailDeliveryException ex)
                {
                    outcome = await RecordFailureAsync(delivery, ex, cancellationToken);

                    // After a refusal the connection may be in any state: the next message gets a new one.
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }
                }

                outcomes.Add(outcome);
                metrics.DigestSent(outcome.ToString().ToLowerInvariant(), time.GetElapsedTime(sending));
                progress.OneMore();
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return outcomes;
    }

    /// <summary>A permanent refusal fails the digest and stops the address; a transient one retries with doubling delays, up to the limit.</summary>
    private async Task<SendOutcome> RecordFailureAsync(DigestDelivery delivery, MailDeliveryException error, CancellationToken cancellationToken)
    {
        var giveUp = error.Permanent || delivery.Attempts >= options.Value.MaxAttempts;
        var retryAt = giveUp ? (DateTimeOffset?)null : time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, delivery.Attempts - 1));
        await store.MarkFailedAttemptAsync(delivery.Id, error.Message, retryAt, cancellationToken);
        if (error.Permanent)
        {
            await subscribers.MarkBouncedAsync(delivery.SubscriberId, error.Message, cancellationToken);
        }

        logger.LogWarning(
            "Digest {DeliveryId} to subscriber {SubscriberId} not sent (attempt {Attempt}): {Reason}; {Next}",
            delivery.Id, delivery.SubscriberId, delivery.Attempts, error.Message, retryAt is null ? "given up" : $"retrying at {retryAt:u}");
        return retryAt is null ? SendOutcome.Failed : SendOutcome.Retrying;
    }

    /// <summary>
    /// The local date a subscriber's digest is for and when its window ends, or null when their send hour has not
    /// come yet today (in their time zone).
    /// </summary>
    private static (DateOnly Date, DateTimeOffset WindowEnd)? Due(Subscriber subscriber, DateTimeOffset now, bool ignoreSendHour, DateOnly? date)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (date is { } asked)
        {
            var sendTime = asked.ToDateTime(new TimeOnly(subscriber.SendHour, 0));
            var end = new DateTimeOffset(sendTime, zone.GetUtcOffset(sendTime));
            return (asked, end < now ? end : now);
        }

        return ignoreSendHour || local.Hour >= subscriber.SendHour ? (DateOnly.FromDateTime(local.DateTime), now) : null;
    }

    private (RenderedDigest Rendered, MimeMessage Message) Build(Subscriber subscriber, NewsPulse.Digest.Digest digest, string messageId, DateTimeOffset now)
    {
        var links = Links(subscriber);
        var rendered = DigestRenderer.Render(digest, links);
        return (rendered, DigestMessage.Build(digest, rendered, links, transport.From, MailboxAddress.Parse(subscriber.Email), messageId, now));
    }

    private string MessageId(long subscriberId, DateOnly? date)
    {
        var host = new Uri(options.Value.PublicBaseUrl).Host;
        var day = date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "confirm";
        return $"digest.{day}.{subscriberId}.{Guid.NewGuid():N}@{host}";
    }

    /// <summary>Counts digests handed over by the parallel parts of a pass, for one progress line.</summary>
    private sealed class SendProgress(IProgress<IngestProgress>? progress, int total)
    {
        private int _done;

        public void OneMore()
        {
            var done = Interlocked.Increment(ref _done);
            progress?.Report(new IngestProgress("send", done, Math.Max(done, total)));
        }
    }

    private static DigestPreferences Preferences(Subscriber subscriber) => new()
    {
        Companies = subscriber.Companies,
        Countries = subscriber.Countries,
        Themes = subscriber.Themes,
        People = subscriber.People,
        Keywords = subscriber.Keywords,
        Languages = subscriber.Languages,
        MaxStories = subscriber.MaxStories,
        Locale = subscriber.Locale,
    };

    private static DigestWindow ToDigestWindow(DigestWindowData data)
    {
        var tags = data.Tags.ToLookup(t => t.ArticleId);
        var people = data.Quotes.Where(q => q.PersonId is not null).ToLookup(q => q.ArticleId, q => q.Speaker);
        var stories = data.Stories.Select(s => new DigestStory(
                s.ArticleId, s.ClusterId, s.Title, s.Lead, s.Url, s.Source, s.Language, s.FirstSeenAt, s.PublishedAt,
                [.. tags[s.ArticleId].Select(t => new DigestTag(t.Kind, t.Value, t.Confidence))],
                [.. people[s.ArticleId].Distinct(StringComparer.Ordinal)]))
            .ToList();
        var quotes = data.Quotes.Select(q => new DigestQuote(
                q.QuoteId, q.ArticleId, q.Text, q.Speaker, q.PersonId, q.SpeakerTitle, q.SpeakerOrg, q.Language,
                [.. tags[q.ArticleId].Where(t => t.Kind == "company").Select(t => t.Value)]) { Direct = q.Kind == "direct" })
            .ToList();
        return new DigestWindow(stories, quotes);
    }
}
