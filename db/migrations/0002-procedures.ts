import type { Migration } from '../migrate';

/**
 * The procedure catalogue (danh mục thủ tục hành chính) and its search index.
 *
 * procedures.id is the stable identity (procedureKey: national code, else local code, else
 * 'name:' + folded name); other tables reference it. procedures.rid is an INTEGER PRIMARY KEY only
 * because the FTS5 rowid must survive VACUUM (SQLite may renumber implicit rowids).
 */
export const m0002_procedures: Migration = {
  version: 2,
  name: 'procedures',
  up(db) {
    db.exec(`
      CREATE TABLE procedures (
        rid           INTEGER PRIMARY KEY,      -- = procedures_fts.rowid
        id            TEXT NOT NULL UNIQUE,     -- procedureKey(record)
        code          TEXT CHECK (code GLOB '[0-9].[0-9][0-9][0-9][0-9][0-9][0-9]'), -- mã thủ tục quốc gia
        local_code    TEXT,                     -- mã địa phương / số hiệu cũ
        name          TEXT NOT NULL,
        folded_name   TEXT NOT NULL,            -- foldVietnamese(name): sort order without diacritics
        field         TEXT NOT NULL,            -- lĩnh vực
        agency        TEXT NOT NULL,            -- cơ quan có thẩm quyền giải quyết
        level         TEXT,                     -- cấp thực hiện
        channels      TEXT NOT NULL CHECK (json_valid(channels)),     -- ["in_person","online","postal"]
        online_level  TEXT CHECK (online_level IN ('full', 'partial')), -- toàn trình / một phần
        result        TEXT NOT NULL,            -- kết quả thực hiện
        legal_basis   TEXT NOT NULL CHECK (json_valid(legal_basis)),  -- căn cứ pháp lý, JSON array
        source        TEXT,
        -- The default case (see procedure_cases), repeated here so the search list needs no join.
        case_count     INTEGER NOT NULL CHECK (case_count >= 1),
        default_case   TEXT NOT NULL,           -- its label
        default_value  REAL,
        default_unit   TEXT NOT NULL CHECK (default_unit IN ('working_days', 'calendar_days', 'working_hours', 'same_day', 'none')),
        default_cutoff TEXT,
        content_hash  TEXT NOT NULL,            -- sha256 of the validated record: re-import detects "unchanged"
        use_count     INTEGER NOT NULL DEFAULT 0 CHECK (use_count >= 0),
        last_used_at  TEXT,                     -- office-local YYYY-MM-DDTHH:mm of the latest receipt
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX procedures_code ON procedures (code);
      CREATE INDEX procedures_folded_name ON procedures (folded_name);
      -- The procedures the office uses (a few hundred at most), with their usage: search reads the
      -- usage of each match from this small covering index instead of the wide rows.
      CREATE INDEX procedures_usage ON procedures (rid, use_count, last_used_at) WHERE use_count > 0;

      -- Processing times, one per case variant (trường hợp); procedures.default_case names the default.
      CREATE TABLE procedure_cases (
        procedure_id  TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE ON UPDATE CASCADE,
        position      INTEGER NOT NULL,
        label         TEXT NOT NULL,            -- 'default' or the case, e.g. "Hồ sơ do quân đội, công an quản lý"
        value         REAL CHECK (value IS NULL OR value >= 0),
        unit          TEXT NOT NULL CHECK (unit IN ('working_days', 'calendar_days', 'working_hours', 'same_day', 'none')),
        cutoff        TEXT CHECK (cutoff GLOB '[0-2][0-9]:[0-5][0-9]'), -- same day unless received after HH:mm
        note          TEXT,
        PRIMARY KEY (procedure_id, position),
        UNIQUE (procedure_id, label)
      ) STRICT;

      -- Thành phần hồ sơ.
      CREATE TABLE procedure_components (
        procedure_id     TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE ON UPDATE CASCADE,
        position         INTEGER NOT NULL,
        name             TEXT NOT NULL,
        originals        INTEGER NOT NULL CHECK (originals >= 0),        -- bản chính
        certified_copies INTEGER NOT NULL CHECK (certified_copies >= 0), -- bản sao chứng thực
        copies           INTEGER NOT NULL CHECK (copies >= 0),           -- bản sao, bản photo
        present_only     INTEGER NOT NULL DEFAULT 0 CHECK (present_only IN (0, 1)), -- chỉ xuất trình
        form             TEXT,                                           -- mẫu đơn, tờ khai
        note             TEXT,
        PRIMARY KEY (procedure_id, position)
      ) STRICT;

      -- Quy trình nội bộ: each handling unit's share of the legal time.
      CREATE TABLE procedure_steps (
        procedure_id  TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE ON UPDATE CASCADE,
        position      INTEGER NOT NULL,
        unit          TEXT NOT NULL,            -- the handling unit, e.g. "Phòng chuyên môn"
        value         REAL NOT NULL CHECK (value >= 0),
        unit_of_time  TEXT NOT NULL CHECK (unit_of_time IN ('working_days', 'calendar_days', 'working_hours')),
        PRIMARY KEY (procedure_id, position)
      ) STRICT;

      -- Phí, lệ phí (đồng).
      CREATE TABLE procedure_fees (
        procedure_id  TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE ON UPDATE CASCADE,
        position      INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        amount        INTEGER NOT NULL CHECK (amount >= 0),
        per           TEXT,                     -- e.g. "trang"
        note          TEXT,
        PRIMARY KEY (procedure_id, position)
      ) STRICT;

      -- Search index over foldVietnamese() text (đ → d is folded by us: unicode61 does not).
      -- rowid = procedures.rid; written by db/catalogue in the same transaction as the procedure.
      -- folded_code holds the national and local codes; their dots and dashes split tokens, and the
      -- search turns "1.0014" into the phrase prefix "1 0014"*.
      CREATE VIRTUAL TABLE procedures_fts USING fts5 (
        folded_name,
        folded_code,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
