#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::{ContactKind, check};

fn accepted(kind: ContactKind, input: &str) -> bool {
    check(kind, input).is_ok()
}

#[test]
fn phone_numbers_as_people_write_them_are_accepted() {
    let numbers = [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "8613812345678",
        "0086 13812345678",
        "１３８１２３４５６７８",
        "19912345678",
        "010-12345678",
        "(010) 1234 5678",
        "（０１０）12345678",
        "0571-87654321",
        "0571-8765432",
        "0755 8888 1234",
        "021-64377890转8001",
        "0371-67890123 分机 12",
        "0371-67890123 ext. 12",
        "0371-67890123#12",
        "+86 10 12345678",
        "87654321",
        "6543210",
        "400-810-1234",
        "800 820 8820",
    ];
    for number in numbers {
        assert!(accepted(ContactKind::Phone, number), "{number}");
        assert!(accepted(ContactKind::PhoneOrEmail, number), "{number}");
    }
}

#[test]
fn what_cannot_be_dialled_is_refused() {
    let wrong = [
        "",
        "1381234567",
        "138123456789",
        "12812345678",
        "23812345678",
        "138l2345678",
        "电话13812345678",
        "1234",
        "12345",
        "010-123",
        "00-12345678",
        "0571-876543210123",
        "+1 415 555 0100",
        "+44 20 7946 0958",
        "138+1234+5678",
        "0371-67890123 转 1234567",
        "0371-67890123 转 一二",
        "0123456",
        "无",
        "13812345678 或 13912345678",
    ];
    for number in wrong {
        assert!(!accepted(ContactKind::Phone, number), "{number}");
    }
}

#[test]
fn e_mail_addresses_are_accepted_by_their_shape() {
    let addresses = [
        "zhang.san@example.com",
        "zhangsan@163.com",
        "12345678@qq.com",
        "li_si+gov@mail.example.gov.cn",
        "o'brien@example.org",
        "wang-wu@sub-domain.example.cn",
        "ZHAO@EXAMPLE.COM",
        "zhangsan＠163．com",
        "  user@example.com  ",
        "user@例子.中国",
    ];
    for address in addresses {
        assert!(accepted(ContactKind::Email, address), "{address}");
        assert!(accepted(ContactKind::PhoneOrEmail, address), "{address}");
    }
}

#[test]
fn malformed_e_mail_addresses_are_refused() {
    let wrong = [
        "zhangsan",
        "zhangsan@",
        "@example.com",
        "zhang san@example.com",
        "zhangsan@@example.com",
        "zhang@san@example.com",
        "zhangsan@example",
        "zhangsan@example.c",
        "zhangsan@example..com",
        ".zhangsan@example.com",
        "zhangsan.@example.com",
        "zhang..san@example.com",
        "zhangsan@-example.com",
        "zhangsan@example-.com",
        "zhangsan@127.0.0.1",
        "张三@example.com",
        "zhangsan@exa mple.com",
        "zhangsan@example.com.",
    ];
    for address in wrong {
        assert!(!accepted(ContactKind::Email, address), "{address}");
        assert!(!accepted(ContactKind::PhoneOrEmail, address), "{address}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert!(!accepted(ContactKind::Email, &long_local));
}

#[test]
fn the_kept_form_is_trimmed_and_half_width_and_the_reason_names_the_kind() {
    assert_eq!(
        check(ContactKind::Phone, " １３８ １２３４ ５６７８ ").unwrap(),
        "138 1234 5678"
    );
    assert_eq!(
        check(ContactKind::Email, "zhangsan＠163．com").unwrap(),
        "zhangsan@163.com"
    );
    let phone = check(ContactKind::Phone, "12345").unwrap_err().to_string();
    assert!(
        phone.contains("手机号码") && phone.contains("固定电话"),
        "{phone}"
    );
    let email = check(ContactKind::PhoneOrEmail, "a@b")
        .unwrap_err()
        .to_string();
    assert!(email.contains("电子邮箱"), "{email}");
    let either = check(ContactKind::PhoneOrEmail, "随便").unwrap_err();
    assert_eq!(either.code(), "invalid_contact");
    assert!(either.to_string().contains("电子邮箱"));
}

#[test]
fn an_e_mail_address_is_not_a_phone_number() {
    assert!(!accepted(ContactKind::Phone, "zhangsan@163.com"));
    assert!(!accepted(ContactKind::Email, "13812345678"));
}
