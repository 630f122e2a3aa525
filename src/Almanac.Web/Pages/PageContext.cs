using System.Globalization;
using System.Net;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Reports;
using Almanac.Text;

namespace Almanac.Web.Pages;

/// <summary>
/// One page request as the pages see it: the reader's language (<c>?lang=zh</c> or <c>en</c>),
/// links that keep it, and values written the way that language writes them (56.17亿 / 5.62B).
/// </summary>
internal sealed class PageContext
{
    private PageContext(HttpRequest request, Language language)
    {
        Request = request;
        Language = language;
    }

    public HttpRequest Request { get; }

    public Language Language { get; }

    public bool IsZh => Language == Language.Zh;

    public string Code => IsZh ? "zh" : "en";

    public static PageContext Of(HttpRequest request) =>
        new(request, string.Equals(request.Query["lang"], "zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En);

    /// <summary>The text in the reader's language.</summary>
    public string T(string en, string zh) => IsZh ? zh : en;

    /// <summary>A query-string value as the reader typed it, trimmed; null when absent or blank.</summary>
    public string? Query(string name) => Request.Query[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A link to <paramref name="path"/> with <paramref name="parameters"/> (nulls left out) and the reader's language.</summary>
    public string Href(string path, params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        if (IsZh)
        {
            pairs.Add("lang=zh");
        }

        return pairs.Count == 0 ? path : path + "?" + string.Join("&", pairs);
    }

    /// <summary>The same page in the other language, with every other parameter kept.</summary>
    public string OtherLanguageHref()
    {
        var pairs = Request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => $"{q.Key}={Uri.EscapeDataString(v ?? string.Empty)}")).ToList();
        if (!IsZh)
        {
            pairs.Add("lang=zh");
        }

        return Request.Path + (pairs.Count == 0 ? string.Empty : "?" + string.Join("&", pairs));
    }

    /// <summary>A fact's value as the reader's language writes it.</summary>
    public string Value(FactValue value) => value.Quantity is { } q
        ? QuantityFormatter.Format(q, Language, new QuantityFormatOptions { Compact = true, SignificantDigits = 4 })
        : value.Date is { } date ? Date(date) : value.Text ?? string.Empty;

    /// <summary>A scope in the reader's words (<see cref="ScopeWords"/>), HTML-encoded, with its canonical form on hover.</summary>
    public string Scope(Scope scope, KnowledgeBase names) => scope.IsEmpty
        ? string.Empty
        : $"<span title=\"{E(scope.Canonical)}\">{E(ScopeWords.Describe(scope, Language, id => names.Entity(id)?.Name.In(Code)))}</span>";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>Text from the knowledge base or the reader, made safe for HTML.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
