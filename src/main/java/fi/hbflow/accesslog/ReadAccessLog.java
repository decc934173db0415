package fi.hbflow.accesslog;

import java.util.List;

/** Where the read-access log is kept ({@link JdbcReadAccessLog}: table {@code hb_lukuloki}). */
public interface ReadAccessLog {

  /** Stores the rows (one request's reads, or one export's disclosures); throws if they could not be stored. */
  void record(List<ReadAccess> reads);

  /** The case's rows (every process instance that carries the business key), newest first. */
  List<ReadAccess> ofCase(String businessKey);
}
