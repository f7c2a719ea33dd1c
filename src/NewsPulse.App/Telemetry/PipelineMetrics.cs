using System.Diagnostics.Metrics;

namespace NewsPulse.App.Telemetry;

/// <summary>
/// Counters and durations of every pipeline stage (meter <c>NewsPulse</c>), exported by <c>serve</c> at
/// <c>/metrics</c>. Each stage has a counter by outcome and a duration histogram in seconds, so a dashboard can
/// show both throughput and where time goes.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "NewsPulse";

    private readonly StageInstruments _polls;
    private readonly StageInstruments _fetches;
    private readonly StageInstruments _extractions;
    private readonly StageInstruments _tagging;
    private readonly StageInstruments _quoteExtractions;
    private readonly Counter<long> _quotesFound;
    private readonly StageInstruments _digestCompositions;
    private readonly StageInstruments _digestSends;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _polls = new StageInstruments(meter, "newspulse.feed.polls", "newspulse.feed.poll.duration", "{poll}", "Feed polls, by outcome (success, not_modified, failed)");
        _fetches = new StageInstruments(meter, "newspulse.page.fetches", "newspulse.page.fetch.duration", "{fetch}", "Article page fetches, by outcome (ok, failed)");
        _extractions = new StageInstruments(meter, "newspulse.extractions", "newspulse.extraction.duration", "{article}", "Article extractions, by outcome (extracted, duplicate, failed)");
        _tagging = new StageInstruments(meter, "newspulse.taggings", "newspulse.tagging.duration", "{article}", "Articles tagged, by outcome (tagged, failed)");
        _quoteExtractions = new StageInstruments(meter, "newspulse.quote_extractions", "newspulse.quote_extraction.duration", "{article}", "Articles searched for quotes, by outcome (ok, failed)");
        _quotesFound = meter.CreateCounter<long>("newspulse.quotes", "{quote}", "Quotes found in articles");
        _digestCompositions = new StageInstruments(meter, "newspulse.digest.compositions", "newspulse.digest.composition.duration", "{digest}", "Digests composed, by outcome (composed, skipped)");
        _digestSends = new StageInstruments(meter, "newspulse.digest.sends", "newspulse.digest.send.duration", "{digest}", "Digests handed to SMTP, by outcome (sent, retrying, failed)");
    }

    public void FeedPolled(string outcome, TimeSpan elapsed) => _polls.Record(outcome, elapsed);

    public void PageFetched(string outcome, TimeSpan elapsed) => _fetches.Record(outcome, elapsed);

    public void ArticleExtracted(string outcome, TimeSpan elapsed) => _extractions.Record(outcome, elapsed);

    public void ArticleTagged(string outcome, TimeSpan elapsed) => _tagging.Record(outcome, elapsed);

    public void DigestComposed(string outcome, TimeSpan elapsed) => _digestCompositions.Record(outcome, elapsed);

    public void DigestSent(string outcome, TimeSpan elapsed) => _digestSends.Record(outcome, elapsed);

    public void QuotesExtracted(int? quotes, TimeSpan elapsed)
    {
        _quoteExtractions.Record(quotes is null ? "failed" : "ok", elapsed);
        if (quotes is > 0)
        {
            _quotesFound.Add(quotes.Value);
        }
    }

    /// <summary>A stage's counter by outcome and its duration histogram, tagged alike.</summary>
    private sealed class StageInstruments(Meter meter, string counterName, string durationName, string unit, string description)
    {
        private readonly Counter<long> _count = meter.CreateCounter<long>(counterName, unit, description);
        private readonly Histogram<double> _duration = meter.CreateHistogram<double>(durationName, "s", $"Duration: {description}");

        public void Record(string outcome, TimeSpan elapsed)
        {
            var tag = new KeyValuePair<string, object?>("outcome", outcome);
            _count.Add(1, tag);
            _duration.Record(elapsed.TotalSeconds, tag);
        }
    }
}
