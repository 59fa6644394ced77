using System.Globalization;
using System.Text;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Plans;
using static PlanBot.Host.Tab.TabHtml;

namespace PlanBot.Host.Tab;

/// <summary>The tab's lists as HTML fragments the page's script puts in place: my plans, search results, a product's releases.</summary>
internal static class TabListPages
{
    /// <summary>How many plans each of my lists shows; the search finds the rest.</summary>
    public const int ListLength = 20;

    public const string SearchAction = "/tab/api/search";
    public const string ChannelAction = "/tab/api/channel";

    public static string Mine(MyPlans mine)
    {
        var html = new StringBuilder();
        SearchForm(html, PlanSearch.Empty, SearchAction, product: null);
        List(html, "owned", "Plans I own", mine.Owned, "You own no plan yet. Type plan <product> <version> to the bot to start one.");
        List(html, "waiting", "Waiting for my decision", mine.Waiting, "No plan is waiting for your decision.");
        List(html, "assigned", "Assigned to me", mine.Assigned, "No section of a plan is assigned to you.");
        return html.ToString();
    }

    public static string Results(PlanSearch search, IReadOnlyList<Plan> page, int total, int pageSize, string action, string? product)
    {
        var html = new StringBuilder();
        SearchForm(html, search, action, product);
        var heading = product is null ? "Search results" : $"Releases of {product}";
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"results\"><h2 id=\"results\" tabindex=\"-1\">{E(heading)} <span class=\"count\">({total} {(total == 1 ? "plan" : "plans")})</span></h2>");
        if (total == 0)
        {
            html.Append("<p class=\"empty\">No plan matches.</p>");
        }
        else
        {
            Table(html, page, heading);
            Pager(html, search, action, total, pageSize);
        }

        html.Append("</section>");
        return html.ToString();
    }

    private static void List(StringBuilder html, string id, string heading, IReadOnlyList<Plan> plans, string empty)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\" tabindex=\"-1\">{E(heading)} <span class=\"count\">({plans.Count})</span></h2>");
        if (plans.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\">{E(empty)}</p>");
        }
        else
        {
            Table(html, plans.Take(ListLength), heading);
            if (plans.Count > ListLength)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"more\">And {plans.Count - ListLength} more: search to see them all.</p>");
            }
        }

        html.Append("</section>");
    }
}
