namespace Kim.Casemanagement.StateMachine;

/// <summary>A trigger that carries typed arguments; created by <c>SetTriggerParameters</c>.</summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public abstract class TriggerWithParameters<TTrigger>
    where TTrigger : notnull
{
    private readonly Type[] _argumentTypes;

    /// <summary>Creates the description of a parameterised trigger.</summary>
    protected TriggerWithParameters(TTrigger trigger, params Type[] argumentTypes)
    {
        Trigger = trigger;
        _argumentTypes = argumentTypes;
    }

    /// <summary>The underlying trigger value.</summary>
    public TTrigger Trigger { get; }

    /// <summary>The argument types, in order.</summary>
    public IReadOnlyList<Type> ArgumentTypes => _argumentTypes;

    /// <summary>Throws when the arguments do not match the declared types.</summary>
    public void ValidateParameters(IReadOnlyList<object?> args)
    {
        if (args.Count > _argumentTypes.Length)
        {
            throw new ArgumentException($"Too many parameters have been supplied for trigger '{Trigger}'. Expecting {_argumentTypes.Length} but got {args.Count}.");
        }

        for (var i = 0; i < _argumentTypes.Length; i++)
        {
            var arg = i < args.Count ? args[i] : null;
            if (arg is null)
            {
                if (_argumentTypes[i].IsValueType && Nullable.GetUnderlyingType(_argumentTypes[i]) is null)
                {
                    throw new ArgumentException($"An argument of type {_argumentTypes[i].Name} is required in position {i} for trigger '{Trigger}', but none was supplied.");
                }

                continue;
            }

            if (!_argumentTypes[i].IsInstanceOfType(arg))
            {
                throw new ArgumentException($"The argument in position {i} of trigger '{Trigger}' is of type {arg.GetType().Name} but must be of type {_argumentTypes[i].Name}.");
            }
        }
    }

    internal static TArg Unpack<TArg>(IReadOnlyList<object?> args, int index)
    {
        if (index >= args.Count)
        {
            return default!;
        }

        return args[index] is TArg typed ? typed : default!;
    }
}
