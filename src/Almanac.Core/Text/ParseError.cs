namespace Almanac.Text;

/// <summary>Why some text could not be parsed: a message that names the position, and the span at fault.</summary>
/// <param name="Message">The full message, ending with the position, e.g. <c>Unknown unit '亿吨' at 1:5</c>.</param>
/// <param name="Span">The characters at fault.</param>
/// <param name="Position">The line and column where <paramref name="Span"/> starts.</param>
public sealed record ParseError(string Message, SourceSpan Span, TextPosition Position)
{
    public override string ToString() => Message;
}
