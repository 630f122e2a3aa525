namespace Almanac.Imports.Readers;

/// <summary>
/// Who publishes at a web address, as people name them: the hosts Epoch AI's datasets cite. A host
/// not listed is named by itself without <c>www.</c> (<c>semianalysis.com</c>), which says exactly
/// where the document is without guessing a name.
/// </summary>
internal static class SourcePublishers
{
    private static readonly Dictionary<string, string> ByHost = new(StringComparer.OrdinalIgnoreCase)
    {
        ["theinformation.com"] = "The Information",
        ["cnbc.com"] = "CNBC",
        ["nytimes.com"] = "The New York Times",
        ["techcrunch.com"] = "TechCrunch",
        ["businessinsider.com"] = "Business Insider",
        ["anthropic.com"] = "Anthropic",
        ["www-cdn.anthropic.com"] = "Anthropic",
        ["assets.anthropic.com"] = "Anthropic",
        ["hkexnews.hk"] = "Hong Kong Exchanges and Clearing (HKEXnews)",
        ["www1.hkexnews.hk"] = "Hong Kong Exchanges and Clearing (HKEXnews)",
        ["bloomberg.com"] = "Bloomberg",
        ["nber.org"] = "National Bureau of Economic Research",
        ["openai.com"] = "OpenAI",
        ["cdn.openai.com"] = "OpenAI",
        ["theverge.com"] = "The Verge",
        ["wsj.com"] = "The Wall Street Journal",
        ["semianalysis.com"] = "SemiAnalysis",
        ["youtube.com"] = "YouTube",
        ["reuters.com"] = "Reuters",
        ["x.com"] = "X (Twitter)",
        ["twitter.com"] = "X (Twitter)",
        ["ft.com"] = "Financial Times",
        ["projects.propublica.org"] = "ProPublica",
        ["wired.com"] = "Wired",
        ["fortune.com"] = "Fortune",
        ["x.ai"] = "xAI",
        ["about.fb.com"] = "Meta",
        ["time.com"] = "Time",
        ["finance.yahoo.com"] = "Yahoo Finance",
        ["engadget.com"] = "Engadget",
        ["menlovc.com"] = "Menlo Ventures",
        ["blog.google"] = "Google",
        ["technologyreview.com"] = "MIT Technology Review",
        ["inc.com"] = "Inc.",
        ["theatlantic.com"] = "The Atlantic",
        ["observer.com"] = "Observer",
        ["eu.36kr.com"] = "36Kr",
        ["36kr.com"] = "36Kr",
        ["news.microsoft.com"] = "Microsoft",
        ["gov.uk"] = "GOV.UK",
        ["news.crunchbase.com"] = "Crunchbase News",
        ["aboutamazon.com"] = "Amazon",
        ["mistral.ai"] = "Mistral AI",
        ["sifted.eu"] = "Sifted",
        ["arxiv.org"] = "arXiv",
        ["crfm.stanford.edu"] = "Stanford CRFM",
        ["github.com"] = "GitHub",
        ["aider.chat"] = "Aider",
        ["livebench.ai"] = "LiveBench",
        ["arcprize.org"] = "ARC Prize",
        ["metr.org"] = "METR",
        ["lmarena.ai"] = "LMArena",
        ["web.lmarena.ai"] = "LMArena",
        ["swebench.com"] = "SWE-bench",
        ["tbench.ai"] = "Terminal-Bench",
        ["proceedings.neurips.cc"] = "NeurIPS Proceedings",
        ["jmlr.org"] = "Journal of Machine Learning Research",
        ["ojs.aaai.org"] = "AAAI",
        ["paperswithcode.com"] = "Papers with Code",
    };

    /// <summary>The publisher of <paramref name="url"/>: its host as people name it, else the host itself.</summary>
    public static string Of(Uri url)
    {
        var host = url.Host;
        if (ByHost.TryGetValue(host, out var name))
        {
            return name;
        }

        var bare = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        return ByHost.TryGetValue(bare, out var named) ? named : bare;
    }

    /// <summary>An absolute http(s) address in a cell, or null when the cell holds none.</summary>
    public static Uri? Address(string cell) =>
        Uri.TryCreate(cell.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;
}
