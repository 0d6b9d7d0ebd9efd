-- The measure catalogue in the third interface language: Arabic names and descriptions, filled from
-- seeds/reference/measures.csv at the next start; empty ones show the English.
ALTER TABLE measure_type ADD COLUMN name_ar VARCHAR(200);
ALTER TABLE measure_type ADD COLUMN description_ar VARCHAR(1000);
