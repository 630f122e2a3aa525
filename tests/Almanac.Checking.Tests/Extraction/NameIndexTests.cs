using Almanac.Checking.Extraction;
using Almanac.Knowledge;

namespace Almanac.Tests.Checking.Extraction;

/// <summary>Names found in a note compare exactly as names looked up in the store (<see cref="AliasKey"/>): one folding for both.</summary>
public sealed class NameIndexTests
{
    [Theory]
    [InlineData("Mistral Médium 3", "on MISTRAL MÉDIUM 3 today")]
    [InlineData("Ｌｌａｍａ ３．１ ４０５Ｂ", "with llama-3.1-405b weights")]
    [InlineData("Élan Ølm", "from élan ølm's lab")]
    [InlineData("通義千問", "通义千问 的份额")]
    public void A_name_is_found_in_text_where_its_alias_key_would_meet_it(string name, string text)
    {
        var index = new NameIndex<string>([(name, "found")]);
        var mentions = index.FindAll(text, 0, text.Length);
        mentions.Count.ShouldBe(1, $"'{name}' in '{text}'");
        var mention = mentions[0];
        var matched = text[mention.Start..mention.End];
        if (!name.Any(c => c is >= '\u4E00' and <= '\u9FFF'))
        {
            AliasKey.Of(matched).ShouldBe(AliasKey.Of(name));
        }
    }

    [Fact]
    public void Latin_capitals_beyond_ascii_fold_as_the_alias_key_folds_them()
    {
        foreach (var c in "ÀÉÎÕÜÇÑØÅĀĒĞŁŚŽ")
        {
            AliasKey.Of(c.ToString()).ShouldBe(char.ToLowerInvariant(c).ToString());
            new NameIndex<int>([(c.ToString(), 1)]).FindAll(char.ToLowerInvariant(c).ToString(), 0, 1).Count.ShouldBe(1, c.ToString());
        }
    }
}
