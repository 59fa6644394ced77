using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using PlanBot.Domain.Plans;
using PlanBot.Host.Plans;

namespace PlanBot.Host.Tab;

/// <summary>Small pieces of the tab's HTML. Every value passes through <see cref="E"/>: people's text never becomes markup.</summary>
internal static class TabHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string PlanLink(Plan plan) => $"/tab/api/plans/{Uri.EscapeDataString(plan.Id)}";

    public static string StateBadge(PlanState state) =>
        $"<span class=\"state state-{E(state.ToString().ToLowerInvariant())}\">{E(PlanRecordText.State(state))}</span>";

    /// <summary>A table of plans: release (opening its page), state, completeness, owner, started.</summary>
    public static void Table(StringBuilder html, IEnumerable<Plan> plans, string caption)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table><caption class=\"visually-hidden\">{E(caption)}</caption><thead><tr><th scope=\"col\">Release</th><th scope=\"col\">State</th><th scope=\"col\">Complete</th><th scope=\"col\">Owner</th><th scope=\"col\">Started</th></tr></thead><tbody>");
        foreach (var plan in plans)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{E(PlanLink(plan))}\" data-fragment>{E(plan.Title)}</a></td><td>{StateBadge(plan.State)}</td><td>{plan.Completeness().Percent}%</td><td>{E(plan.Owner.ToString())}</td><td>{E(plan.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>The search form; <paramref name="product"/> is fixed (hidden) on a product's channel tab.</summary>
    public static void SearchForm(StringBuilder html, PlanSearch search, string action, string? product)
    {
        html.Append(CultureInfo.InvariantCulture, $"<form class=\"search\" role=\"search\" action=\"{E(action)}\" data-fragment-form>");
        if (product is null)
        {
            Field(html, "product", "Product", search.Product);
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"product\" value=\"{E(product)}\">");
        }

        Field(html, "version", "Version", search.Version);
        html.Append("<label>State <select name=\"state\"><option value=\"\">any</option>");
        foreach (var state in Enum.GetValues<PlanState>())
        {
            var selected = search.State == state ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(state.ToString())}\"{selected}>{E(PlanRecordText.State(state))}</option>");
        }

        html.Append("</select></label>");
        Field(html, "owner", "Owner", search.Owner);
        Field(html, "text", "Text in answers", search.Text);
        DateField(html, "from", "Started from", search.From);
        DateField(html, "to", "Started until", search.To);
        html.Append("<button type=\"submit\">Search</button></form>");
    }

    /// <summary>Links to the previous and next page of a search, and where this page stands.</summary>
    public static void Pager(StringBuilder html, PlanSearch search, string action, int total, int pageSize)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        html.Append(CultureInfo.InvariantCulture, $"<nav class=\"pager\" aria-label=\"Pages\"><span>Page {search.Page} of {pages}</span>");
        if (search.Page > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E($"{action}?{search.QueryFor(search.Page - 1)}")}\" data-fragment rel=\"prev\">Previous page</a>");
        }

        if (search.Page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E($"{action}?{search.QueryFor(search.Page + 1)}")}\" data-fragment rel=\"next\">Next page</a>");
        }

        html.Append("</nav>");
    }

    private static void DateField(StringBuilder html, string name, string label, DateOnly? value) =>
        html.Append(CultureInfo.InvariantCulture, $"<label>{E(label)} <input type=\"date\" name=\"{name}\" value=\"{value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"></label>");

    private static void Field(StringBuilder html, string name, string label, string? value) =>
        html.Append(CultureInfo.InvariantCulture, $"<label>{E(label)} <input type=\"search\" name=\"{name}\" value=\"{E(value)}\" maxlength=\"{PlanSearch.MaxFilterLength}\"></label>");
}
