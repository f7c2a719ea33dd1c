using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Digest</c>: links in emails, the secret that signs them, and how sending behaves.</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string SectionName = "Digest";

    /// <summary>Shortest secret accepted: the links it signs must not be forgeable by trying.</summary>
    public const int MinSecretLength = 32;

    /// <summary>The address readers reach this server at, used in every link of an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Signs confirmation, preferences and unsubscribe links (HMAC-SHA256). Empty: a random secret is generated
    /// once and kept in .newspulse/digest-token-secret.
    /// </summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>Send nothing to a subscriber when no story matches (else an email saying so).</summary>
    public bool SkipEmpty { get; set; } = true;

    /// <summary>How far back a digest looks for stories first seen by NewsPulse.</summary>
    [Range(1, 168)]
    public int WindowHours { get; set; } = 24;

    /// <summary>How long a confirmation link works.</summary>
    [Range(1, 720)]
    public int ConfirmationHours { get; set; } = 72;

    /// <summary>Attempts at one digest before it is given up as failed (transient SMTP errors only; a permanent one stops at once).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each next one doubles it.</summary>
    [Range(1, 86_400)]
    public int RetryDelaySeconds { get; set; } = 60;

    /// <summary>SMTP connections used at once when sending a batch.</summary>
    [Range(1, 32)]
    public int SendConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a digest being sent stays claimed by its sender. A sender that stops mid-batch leaves its claims, and
    /// they are sent again (same Message-ID) once this has passed; keep it above the SMTP timeout.
    /// </summary>
    [Range(1, 3600)]
    public int SendLeaseSeconds { get; set; } = 300;

    /// <summary>Where messages go when no SMTP host is configured (relative to the repository root).</summary>
    public string MailDirectory { get; set; } = "out/mail";

    public string ResolvedMailDirectory => Path.GetFullPath(MailDirectory, ProjectPaths.Root);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("must be an absolute http(s) URL, e.g. https://news.example.org", [nameof(PublicBaseUrl)]);
        }

        if (TokenSecret.Length is > 0 and < MinSecretLength)
        {
            yield return new ValidationResult(
                $"must be at least {MinSecretLength} characters (generate one with: openssl rand -base64 48), or empty to generate one", [nameof(TokenSecret)]);
        }
    }
}
