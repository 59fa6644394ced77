using System.Globalization;
using static PlanBot.Host.Tab.TabHtml;

namespace PlanBot.Host.Tab;

/// <summary>
/// The page Teams loads into the tab: no plan data, only where to fetch it from. The script signs in
/// (Teams single sign-on, or the development sign-in's token given here) and puts the server-rendered
/// fragments in place.
/// </summary>
internal static class TabShell
{
    /// <summary>Scripts from this host only, nothing inline, and framing by Teams alone.</summary>
    public const string SecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft";

    public static string Page(string heading, string start, string? devToken = null)
    {
        var dev = devToken is null ? string.Empty : $" data-dev-token=\"{E(devToken)}\"";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(heading)}: PlanBot</title>
            <link rel="stylesheet" href="/tab/assets/tab.css">
            </head>
            <body>
            <header><h1>{E(heading)}</h1></header>
            <main id="planbot" data-start="{E(start)}"{dev} aria-live="polite"><p>Loading…</p></main>
            <script src="/tab/assets/teams-js.min.js"></script>
            <script src="/tab/assets/tab.js"></script>
            </body>
            </html>
            """);
    }

    /// <summary>The configurable tab's settings page: which product's releases the channel tab shows.</summary>
    public static string Configure() => """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Releases tab: PlanBot</title>
        <link rel="stylesheet" href="/tab/assets/tab.css">
        </head>
        <body>
        <main id="planbot-configure">
        <h1>Show a product's releases</h1>
        <label>Product <input id="product" name="product" maxlength="200" autocomplete="off"></label>
        <p>The tab lists the product's release plans, newest first.</p>
        </main>
        <script src="/tab/assets/teams-js.min.js"></script>
        <script src="/tab/assets/tab.js"></script>
        </body>
        </html>
        """;
}
