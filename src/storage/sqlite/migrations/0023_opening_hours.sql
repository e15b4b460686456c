-- A department's opening hours (domain/opening_hours.h); a department
-- without a row is always open. week: seven days, Monday first, separated
-- by ';', each "09:00-12:30,13:30-17:00" or '' (closed); closed_dates:
-- local dates separated by ','; public_holidays: '' or a country ('NL').
CREATE TABLE department_hours (
  department_id INTEGER PRIMARY KEY REFERENCES departments (id),
  time_zone TEXT NOT NULL,
  week TEXT NOT NULL,
  closed_dates TEXT NOT NULL,
  public_holidays TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users (id)
);
