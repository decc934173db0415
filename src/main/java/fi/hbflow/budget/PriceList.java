package fi.hbflow.budget;

import java.time.LocalDate;
import java.util.Optional;

/** The organisation's unit costs (hinnasto). In the application it is the DMN table {@code hb-yksikkohinnat}. */
public interface PriceList {

  /** The price valid on {@code day}, or empty when the table has none. */
  Optional<UnitPrice> priceOn(String serviceType, LocalDate day);

  /** Which version of the table answered, e.g. {@code hb-yksikkohinnat v3}; stored with every budget. */
  String version();
}
