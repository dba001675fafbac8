//! The form requirement of a request (条例第二十九条第二款第（三）项: 申请公开的政府信息
//! 的形式要求，包括获取信息的方式、途径): the usual choices of the national request
//! forms, plus 其他 with the applicant's own words.

/// How the information is provided (获取信息的方式).
pub const FORM_CHOICES: [&str; 4] = ["纸质文本", "电子文本", "光盘", "磁盘"];

/// How it reaches the applicant (获取信息的途径).
pub const DELIVERY_CHOICES: [&str; 6] = [
    "邮寄",
    "快递",
    "电子邮件",
    "传真",
    "当面领取",
    "当场阅读、抄录",
];

/// The choice written when none of the listed ones fits.
pub const OTHER_CHOICE: &str = "其他";

/// The value stored for a choice: a listed choice as it is; 其他 as "其他：…" with the
/// applicant's words (which it requires); empty when nothing was chosen. A value that is
/// none of these (a script writing its own words, as before the choices existed) is
/// kept as the applicant's words. `Err` names what is missing.
pub fn choice_value(choices: &[&str], chosen: &str, other: &str) -> Result<String, &'static str> {
    let chosen = chosen.trim();
    let other = other.trim();
    if chosen == OTHER_CHOICE {
        return if other.is_empty() {
            Err("选择“其他”时请写明具体要求")
        } else {
            Ok(format!("{OTHER_CHOICE}：{other}"))
        };
    }
    if chosen.is_empty() || choices.contains(&chosen) || chosen.starts_with("其他：") {
        return Ok(chosen.to_string());
    }
    Ok(format!("{OTHER_CHOICE}：{chosen}"))
}

/// The choice and the 其他 words of a stored value, to fill the form again.
pub fn split_choice<'a>(choices: &[&str], value: &'a str) -> (&'a str, &'a str) {
    if let Some(words) = value.strip_prefix("其他：") {
        (OTHER_CHOICE, words)
    } else if value.is_empty() || choices.contains(&value) {
        (value, "")
    } else {
        (OTHER_CHOICE, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_choice_is_kept_and_other_needs_words() {
        assert_eq!(
            choice_value(&FORM_CHOICES, "光盘", ""),
            Ok("光盘".to_string())
        );
        assert_eq!(
            choice_value(&DELIVERY_CHOICES, "其他", "寄到单位收发室"),
            Ok("其他：寄到单位收发室".to_string())
        );
        assert!(choice_value(&DELIVERY_CHOICES, "其他", " ").is_err());
        assert_eq!(choice_value(&FORM_CHOICES, "", ""), Ok(String::new()));
        assert_eq!(
            choice_value(&FORM_CHOICES, "U盘拷贝", ""),
            Ok("其他：U盘拷贝".to_string()),
            "free words from an older script are the applicant's 其他"
        );
    }

    #[test]
    fn a_stored_value_fills_the_form_again() {
        assert_eq!(split_choice(&FORM_CHOICES, "光盘"), ("光盘", ""));
        assert_eq!(split_choice(&FORM_CHOICES, "其他：U盘"), ("其他", "U盘"));
        assert_eq!(split_choice(&FORM_CHOICES, ""), ("", ""));
    }
}
