namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Calendar arithmetic for legal periods.</summary>
public static class Zeit
{
    /// <summary>Whole years from <paramref name="von"/> to <paramref name="bis"/> (0 if <paramref name="bis"/> is earlier).</summary>
    public static int VolleJahre(DateOnly von, DateOnly bis)
    {
        var jahre = bis.Year - von.Year;
        if (bis < von.AddYears(jahre))
        {
            jahre--;
        }

        return Math.Max(0, jahre);
    }

    /// <summary>Whole months from <paramref name="von"/> to <paramref name="bis"/> (0 if <paramref name="bis"/> is earlier).</summary>
    public static int VolleMonate(DateOnly von, DateOnly bis)
    {
        var monate = ((bis.Year - von.Year) * 12) + bis.Month - von.Month;
        if (bis < von.AddMonths(monate))
        {
            monate--;
        }

        return Math.Max(0, monate);
    }
}
