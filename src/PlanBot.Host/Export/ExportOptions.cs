namespace PlanBot.Host.Export;

public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>
    /// Base64 key (32 bytes or more) that signs export links. When empty, a random key is made at
    /// start-up: links then work only on this instance and until it restarts.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The address people reach the host at, for the links (the App Service URL in Azure).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978/";
}
