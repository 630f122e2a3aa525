namespace Almanac.Storage;

/// <summary>The store cannot be opened or used as asked.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
