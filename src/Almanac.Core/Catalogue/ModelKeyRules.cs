using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Catalogue;

/// <summary>
/// The normalisation rules of <see cref="ModelKey"/>, applied in this order:
/// <list type="number">
/// <item><b>fine-tune</b>: a leading <c>ft:</c> is taken off and recorded as the variant <c>fine-tuned</c>.</item>
/// <item><b>path</b>: only the last <c>/</c> segment counts (<c>openrouter/anthropic/x</c>, <c>accounts/fireworks/models/x</c>, <c>Qwen/Qwen3-…</c>).</item>
/// <item><b>label</b>: a leading <c>Vendor: </c> in a human name is dropped (<c>Mistral: Mixtral 8x22B</c>).</item>
/// <item><b>at-version</b>: <c>@20240620</c>, <c>@2411-001</c> is the snapshot; <c>@latest</c> marks a moving pointer; <c>@default</c> is dropped.</item>
/// <item><b>bedrock</b>: a region (<c>us.</c>, <c>eu.</c>, <c>apac.</c>, <c>global.</c>…) and a vendor (<c>anthropic.</c>, <c>meta.</c>, <c>mistral.</c>…) prefix
/// are dropped, the vendor kept when the rest is no name (<c>deepseek.r1</c> is <c>deepseek-r1</c>); the revision suffix <c>-v1:0</c>, <c>-v2</c>, <c>-1:0</c> is the snapshot,
/// except after a bare family word, where it is the version (<c>anthropic.claude-v2:1</c> is Claude 2.1).</item>
/// <item><b>tag</b>: a <c>:free</c>, <c>:beta</c>, <c>:671b-cloud</c> suffix is a variant; a size tag is part of the name (<c>llama2:13b</c>).</item>
/// <item><b>brackets</b>: in <c>(…)</c> only parameter counts and the words thinking/reasoning count; a date is the snapshot (<c>(07/11)</c> included: a slash in brackets is no path), <c>(No Thinking)</c> the same model with thinking off, <c>latest</c> marks a moving pointer, the rest (a region, <c>free</c>, <c>128k</c>) is a variant.</item>
/// <item><b>spelling</b>: lower case; <c>+</c> reads as <c>plus</c>; <c>3p1</c> and <c>3_1</c> read as <c>3.1</c>.</item>
/// <item><b>tokens</b>: split at spaces, hyphens, underscores, commas; a word glued to a number is split when the word has three or more letters (<c>qwen2</c>, <c>llama3</c>), not otherwise (<c>k2</c>, <c>r1</c>, <c>o1</c>, <c>4o</c>).</item>
/// <item><b>front</b>: region words (<c>us</c>, <c>eu</c>, <c>au</c>…) and vendor or host words (<c>meta</c>, <c>mistralai</c>, <c>google</c>, <c>open</c>, <c>databricks</c>…)
/// at the front are dropped when a name word follows (<c>Meta-Llama</c> is <c>llama</c>; <c>gemini-gemma</c> is <c>gemma</c>).</item>
/// <item><b>v-version</b>: <c>v3</c> right after the family word is the version 3 (<c>llama-v3p1</c>, <c>DeepSeek-V3</c>); <c>v0.1</c>, <c>v03</c> anywhere is a checkpoint revision.</item>
/// <item><b>snapshot</b>: dates after the family word are the snapshot: <c>20240620</c>, <c>2024-08-06</c>, <c>08-2024</c>, <c>251104</c>, and four digits that read as
/// a month and day (<c>0613</c>) or a year and month (<c>2507</c>); revisions <c>001</c>. Mistral's year-and-month names a generation
/// (<c>mistral-large-2407</c> is Mistral Large 2) and stays, written <c>2411</c> or <c>24.11</c>.</item>
/// <item><b>latest</b>: the word <c>latest</c> marks a moving pointer and is dropped.</item>
/// <item><b>variant</b>: <c>instruct</c>, <c>it</c>, <c>hf</c>, <c>base</c>, <c>maas</c>, quantisations (<c>fp8</c>…), context lengths (<c>128k</c>) and expert counts (<c>128e</c>)
/// are variants of the same model. <c>chat</c>, <c>turbo</c>, <c>lite</c>, <c>fast</c>, <c>instant</c>, <c>versatile</c>, <c>long</c> are variants only of a checkpoint named
/// by its size (<c>Llama-3.3-70B-Instruct-Turbo</c>); otherwise they name a model (<c>gpt-4-turbo</c>, <c>deepseek-chat</c>, <c>Gemini 2.0 Flash-Lite</c>).
/// <c>mini</c>, <c>pro</c>, <c>flash</c>, <c>preview</c>, <c>thinking</c> always name a model.</item>
/// <item><b>version</b>: adjacent small numbers are one version (<c>3-5</c> is <c>3.5</c>); a trailing <c>.0</c> is dropped (<c>2.0</c> is <c>2</c>, <c>opus-4-0</c> is <c>opus 4</c>).</item>
/// <item><b>order</b>: the identity is the set of tokens, sorted, so word order does not matter (<c>Claude Sonnet 3.5</c> = <c>Claude 3.5 Sonnet</c>).</item>
/// </list>
/// </summary>
internal static partial class ModelKeyRules
{
    private static readonly HashSet<string> BedrockVendors = new(StringComparer.OrdinalIgnoreCase)
    {
        "anthropic", "meta", "mistral", "amazon", "cohere", "ai21", "google", "openai", "qwen", "moonshot",
        "moonshotai", "minimax", "nvidia", "writer", "zai", "deepseek", "stability", "twelvelabs", "luma",
    };

    private static readonly HashSet<string> RegionWords = new(StringComparer.Ordinal)
    {
        "us", "eu", "apac", "global", "au", "jp", "ca", "uk", "us-gov",
    };

    /// <summary>Words naming who makes or hosts a model, dropped at the front of a name when a name word follows.</summary>
    private static readonly Dictionary<string, string?> FrontWords = new(StringComparer.Ordinal)
    {
        ["meta"] = null, ["mistralai"] = null, ["google"] = null, ["anthropic"] = null, ["openai"] = null,
        ["microsoft"] = null, ["nvidia"] = null, ["cohere"] = null, ["databricks"] = null, ["snowflake"] = null,
        ["cerebras"] = null, ["groq"] = null, ["amazon"] = null, ["open"] = null, ["ibm"] = null, ["azure"] = null,
        ["moonshot"] = null, ["moonshotai"] = null, ["xai"] = null,
        // LiteLLM's Gemini API lists Gemma as gemini-gemma-2-27b-it.
        ["gemini"] = "gemma",
    };

    private static readonly HashSet<string> AlwaysVariant = new(StringComparer.Ordinal)
    {
        "instruct", "it", "hf", "base", "maas", "tput", "fp8", "fp16", "bf16", "int4", "int8", "awq", "gguf", "free",

        // LMArena tells a lab's API endpoint from its app (Gemini-1.5-Pro-API-0514 beside Gemini-Advanced-0514):
        // the endpoint is the model itself.
        "api",
    };

    private static readonly HashSet<string> SizedVariant = new(StringComparer.Ordinal)
    {
        "chat", "turbo", "lite", "fast", "instant", "versatile", "long",
    };

    private static readonly HashSet<string> KeptInBrackets = new(StringComparer.Ordinal)
    {
        "thinking", "reasoning", "non-reasoning",
    };

    private static readonly HashSet<string> MistralFamilies = new(StringComparer.Ordinal)
    {
        "mistral", "magistral", "devstral", "codestral", "pixtral", "ministral", "voxtral", "mixtral",
    };

    /// <summary>
    /// The word a bracketed token keeps: thinking/reasoning, also with a budget after it (LMArena's
    /// <c>Claude 3.7 Sonnet (thinking-32k)</c> is the thinking mode, not Claude 3.7 Sonnet); null otherwise.
    /// </summary>
    private static string? KeptInBracket(string token) =>
        KeptInBrackets.Contains(token) ? token : KeptInBrackets.FirstOrDefault(word => token.StartsWith(word + "-", StringComparison.Ordinal));

    public static ModelKey Apply(string raw)
    {
        var text = raw.Trim();
        var variants = new List<string>();
        string? snapshot = null;
        var moving = false;

        // fine-tune
        if (text.StartsWith("ft:", StringComparison.OrdinalIgnoreCase))
        {
            variants.Add("fine-tuned");
            text = text[3..];
        }

        // path: a slash inside brackets is part of the bracket (Kimi K2 (07/11), CLIP (ViT L/14@336px)), not a path
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var head = open < 0 ? text : text[..open];
        var slash = head.TrimEnd().TrimEnd('/').LastIndexOf('/');
        text = (slash < 0 ? text : text[(slash + 1)..]).Trim().TrimEnd('/').Trim();

        // label
        text = LabelPrefix().Replace(text, string.Empty);

        // at-version
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        if (at > 0 && (bracket < 0 || at < bracket))
        {
            var version = text[(at + 1)..];
            text = text[..at];
            if (version.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                moving = true;
            }
            else if (!version.Equals("default", StringComparison.OrdinalIgnoreCase) && version.Length > 0)
            {
                snapshot = version;
            }
        }

        // bedrock
        var bedrock = BedrockPrefix().Match(text);
        if (bedrock.Success && BedrockVendors.Contains(bedrock.Groups["vendor"].Value))
        {
            if (bedrock.Groups["region"].Success)
            {
                variants.Add(bedrock.Groups["region"].Value.ToLowerInvariant());
            }

            var rest = bedrock.Groups["rest"].Value;
            text = VersionLikeStart().IsMatch(rest) ? bedrock.Groups["vendor"].Value + "-" + rest : rest;
            text = TakeRevision(text, BedrockRevision(), ref snapshot);
        }

        text = TakeRevision(text, ColonRevision(), ref snapshot);

        // tag
        var colon = text.LastIndexOf(':');
        if (colon > 0 && colon < text.Length - 1 && !text[..colon].Contains(' ', StringComparison.Ordinal))
        {
            var tag = text[(colon + 1)..].ToLowerInvariant();
            text = text[..colon];
            if (IsSize(tag))
            {
                // Ollama's tags are sizes: llama2:13b is Llama 2 13B.
                text += "-" + tag;
            }
            else
            {
                variants.Add(tag);
            }
        }

        var stem = text;

        // brackets
        text = Brackets().Replace(text, m =>
        {
            var inner = m.Groups["inner"].Value.Trim().ToLowerInvariant();
            if (NoThinking().IsMatch(inner))
            {
                // Gemini 2.5 Flash (No Thinking) is the model with its thinking turned off, not another model.
                variants.Add(inner);
                return " ";
            }

            var kept = inner.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => IsSize(t) ? t : KeptInBracket(t))
                .OfType<string>()
                .ToArray();
            if (kept.Length > 0)
            {
                return " " + string.Join(' ', kept) + " ";
            }

            if (inner.Contains("latest", StringComparison.Ordinal))
            {
                moving = true;
            }
            else if (BracketDate().IsMatch(inner))
            {
                snapshot ??= inner;
            }
            else if (inner.Length > 0)
            {
                variants.Add(inner);
            }

            return " ";
        });

        // spelling
        text = text.ToLowerInvariant().Replace("+", " plus ", StringComparison.Ordinal);
        text = DecimalSpelling().Replace(text, "$1.$2");

        // tokens
        var tokens = new List<string>();
        foreach (var piece in Separators().Split(text))
        {
            var token = piece.Trim('.');
            if (token.Length == 0)
            {
                continue;
            }

            var glued = GluedNumber().Match(token);
            if (glued.Success)
            {
                tokens.Add(glued.Groups["word"].Value);
                tokens.Add(glued.Groups["number"].Value);
            }
            else
            {
                tokens.Add(token);
            }
        }

        // front
        while (tokens.Count >= 2 && IsWord(tokens[1]) &&
               (RegionWords.Contains(tokens[0]) ||
                (FrontWords.TryGetValue(tokens[0], out var before) && (before is null || before == tokens[1]))))
        {
            if (RegionWords.Contains(tokens[0]))
            {
                variants.Add(tokens[0]);
            }

            tokens.RemoveAt(0);
        }

        // v-version
        if (tokens.Count >= 2 && VNumber().IsMatch(tokens[1]))
        {
            tokens[1] = tokens[1][1..];
        }

        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (RevisionV0().IsMatch(tokens[i]))
            {
                snapshot ??= tokens[i];
                tokens.RemoveAt(i);
            }
        }

        // snapshot
        snapshot = TakeSnapshots(tokens, snapshot);

        // latest and variants
        var sized = tokens.Any(IsSize);
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var token = tokens[i];
            if (token == "latest")
            {
                moving = true;
                tokens.RemoveAt(i);
            }
            else if (tokens.Count > 1 &&
                     (AlwaysVariant.Contains(token) || ContextLength().IsMatch(token) || ExpertCount().IsMatch(token) ||
                      (sized && SizedVariant.Contains(token))))
            {
                variants.Add(token);
                tokens.RemoveAt(i);
            }
        }

        // version
        JoinVersions(tokens);

        return tokens.Count == 0
            ? new ModelKey(stem, [], [.. variants], snapshot, moving)
            : new ModelKey(stem, [.. tokens], [.. variants], snapshot, moving);
    }

    /// <summary>
    /// Takes a revision suffix (<c>-v1:0</c>) off as the snapshot, except after a bare family word, where it
    /// is the version: Bedrock's <c>anthropic.claude-v2:1</c> is Claude 2.1.
    /// </summary>
    private static string TakeRevision(string text, Regex suffix, ref string? snapshot)
    {
        var revision = suffix.Match(text);
        if (!revision.Success)
        {
            return text;
        }

        var rest = text[..revision.Index];
        var value = revision.Groups["rev"].Value;
        if (!rest.Contains('-', StringComparison.Ordinal) && value.StartsWith('v'))
        {
            return rest + "-" + value[1..].Replace(':', '.');
        }

        snapshot ??= value;
        return rest;
    }

    /// <summary>A parameter count: <c>405b</c>, <c>1.5b</c>, <c>125m</c>, <c>8x7b</c>, <c>a22b</c>, <c>e4b</c>.</summary>
    public static bool IsSize(string token) => Size().IsMatch(token);

    private static bool IsWord(string token) =>
        token.Length > 0 && char.IsAsciiLetter(token[0]) && !IsSize(token) && !VNumber().IsMatch(token);

    private static string? TakeSnapshots(List<string> tokens, string? snapshot)
    {
        var mistral = tokens.Count > 0 && MistralFamilies.Contains(tokens[0]);
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var taken = 0;
            if (LongDate().IsMatch(token) || ShortDate().IsMatch(token))
            {
                taken = 1;
            }
            else if (Year().IsMatch(token) && i + 2 < tokens.Count && TwoDigits().IsMatch(tokens[i + 1]) && TwoDigits().IsMatch(tokens[i + 2]))
            {
                taken = 3;
            }
            else if (TwoDigits().IsMatch(token) && i + 1 < tokens.Count && Year().IsMatch(tokens[i + 1]) && int.Parse(token) is >= 1 and <= 12)
            {
                taken = 2;
            }
            else if (mistral && MistralDotted().IsMatch(token))
            {
                // Mistral writes its year-and-month names both ways: 24.11 is 2411.
                tokens[i] = token.Replace(".", string.Empty, StringComparison.Ordinal);
            }
            else if (FourDigits().IsMatch(token) && IsMonthDayOrYearMonth(token, out var yearMonth) && !(mistral && yearMonth))
            {
                taken = 1;
            }
            else if (Revision().IsMatch(token) && i == tokens.Count - 1)
            {
                taken = 1;
            }

            if (taken > 0)
            {
                snapshot ??= string.Join('-', tokens.GetRange(i, taken));
                tokens.RemoveRange(i, taken);
                i--;
            }
        }

        return snapshot;
    }

    private static bool IsMonthDayOrYearMonth(string token, out bool yearMonth)
    {
        var first = int.Parse(token[..2]);
        var second = int.Parse(token[2..]);
        yearMonth = first is >= 23 and <= 29 && second is >= 1 and <= 12;
        return yearMonth || (first is >= 1 and <= 12 && second is >= 1 and <= 31);
    }

    private static void JoinVersions(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!SmallNumber().IsMatch(tokens[i]) && !DecimalNumber().IsMatch(tokens[i]))
            {
                continue;
            }

            var joined = new StringBuilder(tokens[i]);
            while (i + 1 < tokens.Count && SmallNumber().IsMatch(tokens[i + 1]))
            {
                joined.Append('.').Append(tokens[i + 1]);
                tokens.RemoveAt(i + 1);
            }

            var version = joined.ToString();
            while (version.EndsWith(".0", StringComparison.Ordinal))
            {
                version = version[..^2];
            }

            tokens[i] = version;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][\w .-]{0,30}:\s+")]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"^(?:(?<region>us|eu|apac|global|au|jp|ca|us-gov)\.)?(?<vendor>[A-Za-z0-9]+)\.(?<rest>[A-Za-z].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BedrockPrefix();

    [GeneratedRegex(@"^[vr]\d")]
    private static partial Regex VersionLikeStart();

    [GeneratedRegex(@"-(?<rev>v\d+(?::\d+)?)$")]
    private static partial Regex BedrockRevision();

    [GeneratedRegex(@"-(?<rev>v?\d+:\d+)$")]
    private static partial Regex ColonRevision();

    [GeneratedRegex(@"\((?<inner>[^)]*)\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"^(?:no|non|without)[\s-]?thinking$")]
    private static partial Regex NoThinking();

    [GeneratedRegex(@"^(?:\d{2}/\d{2}|\d{4}-\d{2}(?:-\d{2})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{2}\.\d{2}|\d{4})$")]
    private static partial Regex BracketDate();

    [GeneratedRegex(@"(\d)[p_](\d)")]
    private static partial Regex DecimalSpelling();

    [GeneratedRegex(@"[\s\-_/,:;""'!?]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?<word>[a-z]{3,})(?<number>\d.*)$")]
    private static partial Regex GluedNumber();

    [GeneratedRegex(@"^v\d+(?:\.\d+)*$")]
    private static partial Regex VNumber();

    [GeneratedRegex(@"^v0\d*(?:\.\d+)*$")]
    private static partial Regex RevisionV0();

    [GeneratedRegex(@"^20\d{6}$")]
    private static partial Regex LongDate();

    [GeneratedRegex(@"^2[3-9](?:0[1-9]|1[0-2])\d{2}$")]
    private static partial Regex ShortDate();

    [GeneratedRegex(@"^20\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^0\d{2}$")]
    private static partial Regex Revision();

    [GeneratedRegex(@"^2[3-9]\.(?:0[1-9]|1[0-2])$")]
    private static partial Regex MistralDotted();

    [GeneratedRegex(@"^\d{1,3}k$")]
    private static partial Regex ContextLength();

    [GeneratedRegex(@"^\d{1,3}e$")]
    private static partial Regex ExpertCount();

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex SmallNumber();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)?[bm]|\d+x\d+(?:\.\d+)?b|[ae]\d+(?:\.\d+)?b)$")]
    private static partial Regex Size();
}
