namespace PlanBot.Host.Export;

public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>
    /// Base64 key (32 bytes or more) that signs export links. Required outside Development, where
    /// every instance must sign with the same key. Empty in Development: a random key is made at
    /// start-up, and links then work only on this instance until it restarts.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The key <see cref="SigningKey"/> replaced, while links it signed may still be open: during a
    /// rotation links signed with either key are good. Links are never made with it.
    /// </summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>The address people reach the host at, for the links (the App Service URL in Azure). Required outside Development.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978/";
}
